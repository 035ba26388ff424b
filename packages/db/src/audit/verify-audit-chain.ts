import { and, asc, eq, gt, gte, isNull, sql } from "drizzle-orm";
import { queryRows } from "../client/query-rows.js";
import type { DbOrTx } from "../client/types.js";
import { type AuditEvent, auditEvents } from "../schema/audit.js";
import type { AuditHead } from "./audit-head.js";
import { GENESIS_HASH, hashAuditContent, hashAuditEvent, linkAuditEvent } from "./hash-audit-event.js";

/** How long a row may wait for the sequencer unless the caller says otherwise (the API's default). */
export const DEFAULT_MAX_MERGE_DELAY_MS = 1000;

/**
 * hash_mismatch: a row's content or link no longer matches its hash; prev_mismatch: a row does not point at
 * its predecessor (reordered or rehashed); gap: a chain position is missing (removed row); unlinked: a row
 * has waited for the sequencer longer than the maximum merge delay. For a row not linked yet, `brokenAt`
 * is its `seq` (hash_mismatch: its content no longer matches the hash written with it).
 */
export type AuditChainBreak = "hash_mismatch" | "prev_mismatch" | "gap" | "unlinked";

export type AuditChainVerification =
  | { ok: true; count: number; head: AuditHead; pending: number }
  | { ok: false; count: number; brokenAt: number; reason: AuditChainBreak };

export interface VerifyAuditChainOptions {
  /**
   * Where to start, as a chain position. A checkpoint (seq + hash, e.g. a published head) anchors
   * verification on that hash and checks the row at `seq` still carries it; a bare seq trusts the stored
   * hash of the row before it. Default: the whole chain from position 1.
   */
  from?: AuditHead | number;
  /** Rows read per query; memory stays bounded whatever the log size. */
  batchSize?: number;
  /** Rows not linked this long after insert break verification. Default 1 s. */
  maxMergeDelayMs?: number;
}

/**
 * Walks the chain in chain order and reports the first broken link, then checks that no row waits for
 * the sequencer longer than the merge delay. `count` = linked rows verified; `pending` = rows inserted
 * but not linked yet (within the bound).
 */
export async function verifyAuditChain(
  db: DbOrTx,
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainVerification> {
  const batchSize = options.batchSize ?? 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be a positive integer");
  const maxMergeDelayMs = options.maxMergeDelayMs ?? DEFAULT_MAX_MERGE_DELAY_MS;
  const start = await resolveStart(db, options.from);
  if ("broken" in start) return { ok: false, count: 0, brokenAt: start.broken, reason: start.reason };

  let expectedSeq = start.seq;
  let expectedPrev = start.prevHash;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gte(auditEvents.chainSeq, expectedSeq))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.chainSeq !== expectedSeq) return { ok: false, count, brokenAt: expectedSeq, reason: "gap" };
      if (row.prevHash !== expectedPrev)
        return { ok: false, count, brokenAt: expectedSeq, reason: "prev_mismatch" };
      if (!rowHashHolds(row)) return { ok: false, count, brokenAt: expectedSeq, reason: "hash_mismatch" };
      expectedPrev = row.hash as string;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < batchSize) break;
  }

  const pending = await verifyPending(db, batchSize, maxMergeDelayMs);
  if ("broken" in pending) return { ok: false, count, brokenAt: pending.broken, reason: pending.reason };
  return { ok: true, count, head: { seq: expectedSeq - 1, hash: expectedPrev }, pending: pending.count };
}

/**
 * Rows not linked yet: their content must still match the content hash written at insert, and none may
 * have waited longer than the merge delay (measured on the database's clock, as recorded_at is).
 */
async function verifyPending(
  db: DbOrTx,
  batchSize: number,
  maxMergeDelayMs: number,
): Promise<{ count: number } | { broken: number; reason: AuditChainBreak }> {
  const [clock] = await queryRows<{ now: string | Date }>(db, sql`select now() as now`);
  const deadline = new Date(clock ? new Date(clock.now).getTime() - maxMergeDelayMs : Date.now());
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(isNull(auditEvents.chainSeq), gt(auditEvents.seq, after)))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.contentHash === null || hashAuditContent(row) !== row.contentHash) {
        return { broken: row.seq, reason: "hash_mismatch" };
      }
      if (row.recordedAt.getTime() < deadline.getTime()) return { broken: row.seq, reason: "unlinked" };
      after = row.seq;
      count += 1;
    }
    if (rows.length < batchSize) return { count };
  }
}

/** Rows the sequencer linked: content hash and link; rows from before it (no content_hash): the legacy hash. */
function rowHashHolds(row: AuditEvent): boolean {
  if (row.prevHash === null || row.hash === null || row.chainSeq === null) return false;
  if (row.contentHash === null) {
    return row.chainSeq === row.seq && hashAuditEvent(row.prevHash, row) === row.hash;
  }
  if (hashAuditContent(row) !== row.contentHash) return false;
  return (
    linkAuditEvent(row.prevHash, { chainSeq: row.chainSeq, seq: row.seq, contentHash: row.contentHash }) ===
    row.hash
  );
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
    .where(eq(auditEvents.chainSeq, anchorSeq));
  if (!anchor?.hash) return { broken: anchorSeq, reason: "gap" };
  if (typeof from !== "number" && anchor.hash !== from.hash)
    return { broken: anchorSeq, reason: "hash_mismatch" };
  return { seq: anchorSeq + 1, prevHash: anchor.hash };
}
