import type { DbOrTx } from "../client/types.js";
import { type AuditEvent, auditEvents } from "../schema/audit.js";
import type { AuditActorType, AuditOutcome } from "../schema/enums.js";
import { assertNoSecrets } from "./assert-no-secrets.js";
import { hashAuditContent } from "./hash-audit-event.js";

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
 * Inserts one event with its content hash in the caller's transaction (or on its own given the database),
 * so the audit row commits or rolls back with the change it describes. No chain-wide lock: the audit
 * sequencer (`linkPendingAuditEvents`) links committed rows into the hash chain within the merge delay.
 */
export async function appendAuditEvent(dbOrTx: DbOrTx, event: AuditEventInput): Promise<AuditEvent> {
  const started = performance.now();
  const row = await insertAuditEvent(dbOrTx, event);
  appendObserver?.((performance.now() - started) / 1000);
  return row;
}

let appendObserver: ((seconds: number) => void) | undefined;

/** Lets the API export append latency as a metric without db depending on it. */
export function observeAuditAppends(observer: ((seconds: number) => void) | undefined): void {
  appendObserver = observer;
}

async function insertAuditEvent(dbOrTx: DbOrTx, event: AuditEventInput): Promise<AuditEvent> {
  if (Number.isNaN(event.occurredAt.getTime())) throw new Error("audit event occurredAt: invalid Date");
  const details = event.details ?? {};
  assertNoSecrets(details);
  const content = {
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
  const [row] = await dbOrTx
    .insert(auditEvents)
    .values({ ...content, contentHash: hashAuditContent(content) })
    .returning();
  if (!row) throw new Error("audit event insert returned no row");
  return row;
}
