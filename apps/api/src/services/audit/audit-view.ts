import type { AuditEvent } from "@kuulo/db/schema";

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
  /** Position in the hash chain; null (with both hashes) until the audit sequencer links the row. */
  chainSeq: number | null;
  hash: string | null;
  prevHash: string | null;
}

export const toAuditEventView = (row: AuditEvent): AuditEventView => ({
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
  chainSeq: row.chainSeq,
  hash: row.hash,
  prevHash: row.prevHash,
});
