import { desc, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { auditEvents } from "../schema/audit.js";
import { GENESIS_HASH } from "./hash-audit-event.js";

/** A point of the chain (chain position + hash): publish it outside the database (signed). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** The last linked event's chain position and hash; `{ seq: 0, hash: GENESIS_HASH }` for an empty chain. */
export async function auditHead(db: DbOrTx): Promise<AuditHead> {
  const [last] = await db
    .select({ seq: auditEvents.chainSeq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(isNotNull(auditEvents.chainSeq))
    .orderBy(desc(auditEvents.chainSeq))
    .limit(1);
  return last?.seq && last.hash ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}
