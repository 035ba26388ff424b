import type { AuditEvent } from "@kuulo/db/schema";
import type { AuditRefs } from "@kuulo/domain/audit";

export interface AuditEventView {
  seq: number;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  details: Record<string, unknown>;
  /** The names behind the ids (actor, target, unit, playlist, recording), resolved when the page is read. */
  refs: AuditRefs;
  /** Position in the hash chain; null (with both hashes) until the audit sequencer links the row. */
  chainSeq: number | null;
  hash: string | null;
  prevHash: string | null;
}

export const toAuditEventView = (row: AuditEvent, refs: AuditRefs): AuditEventView => ({
  seq: row.seq,
  occurredAt: row.occurredAt.toISOString(),
  actorType: row.actorType,
  actorId: row.actorId,
  actorLabel: row.actorLabel,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  outcome: row.outcome,
  ip: row.ip,
  details: row.details,
  refs,
  chainSeq: row.chainSeq,
  hash: row.hash,
  prevHash: row.prevHash,
});

export const NO_REFS: AuditRefs = { actor: null, target: null, unit: null, playlist: null, recording: null };
