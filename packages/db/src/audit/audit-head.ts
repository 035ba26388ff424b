import { desc } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { auditEvents } from "../schema/audit.js";
import { GENESIS_HASH } from "./hash-audit-event.js";

/** A point of the chain: publish it outside the database (signed) so truncating the tail is detectable. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** The last event's seq and hash; `{ seq: 0, hash: GENESIS_HASH }` for an empty log. */
export async function auditHead(db: DbOrTx): Promise<AuditHead> {
  const [last] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last ?? { seq: 0, hash: GENESIS_HASH };
}
