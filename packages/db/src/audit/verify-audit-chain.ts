import { asc, eq, gte } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { auditEvents } from "../schema/audit.js";
import type { AuditHead } from "./audit-head.js";
import { GENESIS_HASH, hashAuditEvent } from "./hash-audit-event.js";

export type AuditChainBreak = "hash_mismatch" | "prev_mismatch" | "gap";

export type AuditChainVerification =
  | { ok: true; count: number; head: AuditHead }
  | { ok: false; count: number; brokenAt: number; reason: AuditChainBreak };

export interface VerifyAuditChainOptions {
  /**
   * Where to start. A checkpoint (seq + hash, e.g. a published head) anchors verification on that hash and
   * checks the row at `seq` still carries it; a bare seq trusts the stored hash of the row before it.
   * Default: the whole chain from seq 1.
   */
  from?: AuditHead | number;
  /** Rows read per query; memory stays bounded whatever the log size. */
  batchSize?: number;
}

/** Walks the chain in seq order and reports the first broken link. `count` = rows verified intact. */
export async function verifyAuditChain(
  db: DbOrTx,
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainVerification> {
  const batchSize = options.batchSize ?? 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be a positive integer");
  const start = await resolveStart(db, options.from);
  if ("broken" in start) return { ok: false, count: 0, brokenAt: start.broken, reason: start.reason };

  let expectedSeq = start.seq;
  let expectedPrev = start.prevHash;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gte(auditEvents.seq, expectedSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, count, brokenAt: expectedSeq, reason: "gap" };
      if (row.prevHash !== expectedPrev)
        return { ok: false, count, brokenAt: row.seq, reason: "prev_mismatch" };
      if (hashAuditEvent(row.prevHash, row) !== row.hash) {
        return { ok: false, count, brokenAt: row.seq, reason: "hash_mismatch" };
      }
      expectedPrev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < batchSize) break;
  }
  return { ok: true, count, head: { seq: expectedSeq - 1, hash: expectedPrev } };
}

type Start = { seq: number; prevHash: string } | { broken: number; reason: AuditChainBreak };

async function resolveStart(db: DbOrTx, from: AuditHead | number | undefined): Promise<Start> {
  if (from === undefined) return { seq: 1, prevHash: GENESIS_HASH };
  const anchorSeq = typeof from === "number" ? from - 1 : from.seq;
  if (!Number.isInteger(anchorSeq) || anchorSeq < 0) throw new Error("from: seq must be a positive integer");
  if (anchorSeq === 0) {
    if (typeof from !== "number" && from.hash !== GENESIS_HASH) return { broken: 0, reason: "hash_mismatch" };
    return { seq: 1, prevHash: GENESIS_HASH };
  }
  const [anchor] = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.seq, anchorSeq));
  if (!anchor) return { broken: anchorSeq, reason: "gap" };
  if (typeof from !== "number" && anchor.hash !== from.hash)
    return { broken: anchorSeq, reason: "hash_mismatch" };
  return { seq: anchorSeq + 1, prevHash: anchor.hash };
}
