import { createHash } from "node:crypto";
import type { AuditEvent } from "../schema/audit.js";
import { canonicalJson } from "./canonical-json.js";

/** prev_hash of the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The columns covered by the hash: everything except prev_hash (chained separately) and hash itself. */
export type AuditHashedContent = Omit<AuditEvent, "prevHash" | "hash">;

/** hash = sha256(prev_hash ‖ canonical JSON of the row content), hex. */
export function hashAuditEvent(prevHash: string, content: AuditHashedContent): string {
  const hashed = {
    seq: content.seq,
    occurredAt: content.occurredAt,
    actorType: content.actorType,
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    outcome: content.outcome,
    ip: content.ip,
    details: content.details,
  };
  return createHash("sha256").update(prevHash).update(canonicalJson(hashed)).digest("hex");
}
