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
  hash: string;
  prevHash: string;
}

export const toAuditEventView = (row: AuditEvent): AuditEventView => ({
  ...row,
  occurredAt: row.occurredAt.toISOString(),
});
