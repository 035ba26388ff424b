import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";

/** A machine token refused at the ingest door (R5, R14), written on its own: nothing else changed. */
export function auditIngestDenied(
  db: Database,
  denial: { tokenId: string; path: string; ip: string; now: Date; reason: string },
) {
  return appendAuditEvent(db, {
    actorType: "machine",
    actorId: denial.tokenId,
    action: "access.denied",
    outcome: "denied",
    targetType: "route",
    targetId: denial.path,
    ip: denial.ip,
    occurredAt: denial.now,
    details: { permission: "recording.ingest", reason: denial.reason },
  });
}
