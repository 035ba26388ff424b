import { asc, desc, isNotNull, isNull, sql } from "drizzle-orm";
import { queryRows } from "../client/query-rows.js";
import type { Database } from "../client/types.js";
import { auditEvents } from "../schema/audit.js";
import type { AuditHead } from "./audit-head.js";
import { GENESIS_HASH, linkAuditEvent } from "./hash-audit-event.js";

/** Only the sequencer takes this (never a writer): two sequencers overlapping at a lease hand-over queue. */
export const AUDIT_SEQUENCER_LOCK_KEY = 0x6b75756c6f53;

export interface LinkPendingAuditEventsOptions {
  /** Rows linked per transaction (one checkpoint each). */
  batchSize?: number;
  /**
   * Called with the links computed, before they commit. Tests use it to kill the sequencer mid-batch;
   * nothing else should need it.
   */
  beforeCommit?: (batch: { linked: number; head: AuditHead }) => Promise<void>;
}

export interface LinkPendingAuditEventsResult {
  /** Rows linked by this call (0: nothing pending, or another sequencer holds the lock). */
  linked: number;
  head: AuditHead;
}

/**
 * One batch of the audit sequencer: the oldest unlinked rows (insertion order) get the next chain
 * positions, prev_hash and hash, in one transaction. Callers hold the `audit.sequencer` job lease; the
 * transaction lock and the unique chain_seq make an overlapping second sequencer fail instead of forking.
 */
export async function linkPendingAuditEvents(
  db: Database,
  options: LinkPendingAuditEventsOptions = {},
): Promise<LinkPendingAuditEventsResult> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be a positive integer");
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${sql.raw(String(AUDIT_SEQUENCER_LOCK_KEY))}) as locked`,
    );
    const [last] = await tx
      .select({ seq: auditEvents.chainSeq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(isNotNull(auditEvents.chainSeq))
      .orderBy(desc(auditEvents.chainSeq))
      .limit(1);
    let head: AuditHead = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
    if (!lock?.locked) return { linked: 0, head };

    const pending = await tx
      .select({ seq: auditEvents.seq, contentHash: auditEvents.contentHash })
      .from(auditEvents)
      .where(isNull(auditEvents.chainSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (pending.length === 0) return { linked: 0, head };

    const links = pending.map((row) => {
      if (!row.contentHash) throw new Error(`audit event ${row.seq}: unlinked row without content_hash`);
      const chainSeq = head.seq + 1;
      const hash = linkAuditEvent(head.hash, { chainSeq, seq: row.seq, contentHash: row.contentHash });
      const link = { seq: row.seq, chainSeq, prevHash: head.hash, hash };
      head = { seq: chainSeq, hash };
      return link;
    });
    const values = sql.join(
      links.map(
        (link) =>
          sql`(${link.seq}::bigint, ${link.chainSeq}::bigint, ${link.prevHash}::text, ${link.hash}::text)`,
      ),
      sql`, `,
    );
    const updated = await queryRows<{ seq: string | number }>(
      tx,
      sql`update audit_events as a
          set chain_seq = v.chain_seq, prev_hash = v.prev_hash, hash = v.hash, linked_at = now()
          from (values ${values}) as v(seq, chain_seq, prev_hash, hash)
          where a.seq = v.seq and a.chain_seq is null
          returning a.seq`,
    );
    if (updated.length !== links.length) {
      throw new Error(`audit sequencer: linked ${updated.length} of ${links.length} rows; batch rolled back`);
    }
    await options.beforeCommit?.({ linked: links.length, head });
    return { linked: links.length, head };
  });
}
