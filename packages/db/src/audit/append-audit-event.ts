import { desc, is, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx, Transaction } from "../client/types.js";
import { type AuditEvent, auditEvents } from "../schema/audit.js";
import type { AuditActorType, AuditOutcome } from "../schema/enums.js";
import { assertNoSecrets } from "./assert-no-secrets.js";
import { GENESIS_HASH, hashAuditEvent } from "./hash-audit-event.js";

/** Transaction-scoped advisory lock that serialises appends, so each event sees the true chain head. */
export const AUDIT_APPEND_LOCK_KEY = 0x6b75756c6f41;

export interface AuditEventInput {
  actorType: AuditActorType;
  actorId?: string | null;
  /** The actor's username at the time, so the log stays readable after renames and purges. */
  actorLabel?: string | null;
  /** `resource.verb`, e.g. "user.create", "auth.login.failure", "recording.listen". */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  /** Never passwords, tokens or customer data: keys that look like secrets are refused. */
  details?: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * Appends one event to the hash chain inside the caller's transaction, so the audit row commits or rolls
 * back with the change it describes. Given the database instead, it opens a transaction of its own.
 */
export async function appendAuditEvent(dbOrTx: DbOrTx, event: AuditEventInput): Promise<AuditEvent> {
  const started = performance.now();
  const row = is(dbOrTx, PgTransaction)
    ? await appendInTransaction(dbOrTx as Transaction, event)
    : await dbOrTx.transaction((tx) => appendInTransaction(tx, event));
  appendObserver?.((performance.now() - started) / 1000);
  return row;
}

let appendObserver: ((seconds: number) => void) | undefined;

/** Lets the API export append latency (lock wait included) as a metric without db depending on it. */
export function observeAuditAppends(observer: ((seconds: number) => void) | undefined): void {
  appendObserver = observer;
}

async function appendInTransaction(tx: Transaction, event: AuditEventInput): Promise<AuditEvent> {
  if (Number.isNaN(event.occurredAt.getTime())) throw new Error("audit event occurredAt: invalid Date");
  const details = event.details ?? {};
  assertNoSecrets(details);
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(AUDIT_APPEND_LOCK_KEY))})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const content = {
    seq: (last?.seq ?? 0) + 1,
    // Microseconds would not survive the round trip through JS Dates; milliseconds do.
    occurredAt: new Date(event.occurredAt.getTime()),
    actorType: event.actorType,
    actorId: event.actorId ?? null,
    actorLabel: event.actorLabel ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    outcome: event.outcome,
    ip: event.ip ?? null,
    // Hash exactly what jsonb will give back: plain JSON values only.
    details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = { ...content, prevHash, hash: hashAuditEvent(prevHash, content) };
  await tx.insert(auditEvents).values(row);
  return row;
}
