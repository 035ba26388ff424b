import { createHash } from "node:crypto";
import type { AuditEvent } from "../schema/audit.js";
import { canonicalJson } from "./canonical-json.js";

/** prev_hash of the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** What a request writes: everything except the storage order and the link columns the sequencer sets. */
export type AuditContent = Pick<
  AuditEvent,
  | "occurredAt"
  | "actorType"
  | "actorId"
  | "actorLabel"
  | "action"
  | "targetType"
  | "targetId"
  | "outcome"
  | "ip"
  | "details"
>;

/** The columns covered by the legacy hash (rows chained under the advisory lock, before the sequencer). */
export type AuditHashedContent = AuditContent & { seq: number };

/** Legacy rows (no content_hash): hash = sha256(prev_hash ‖ canonical JSON of the row content with seq). */
export function hashAuditEvent(prevHash: string, content: AuditHashedContent): string {
  return createHash("sha256")
    .update(prevHash)
    .update(canonicalJson({ seq: content.seq, ...pickContent(content) }))
    .digest("hex");
}

/** content_hash = sha256 of the canonical JSON of the row content, computed by the writer at insert. */
export function hashAuditContent(content: AuditContent): string {
  return createHash("sha256")
    .update("kuulo/audit/content/v2\n")
    .update(canonicalJson(pickContent(content)))
    .digest("hex");
}

/**
 * The sequencer's link: hash = sha256(prev_hash ‖ canonical {chainSeq, seq, contentHash}). It binds the
 * row's content, its storage id and its chain position to everything before it.
 */
export function linkAuditEvent(
  prevHash: string,
  link: { chainSeq: number; seq: number; contentHash: string },
): string {
  return createHash("sha256")
    .update(prevHash)
    .update(canonicalJson({ chainSeq: link.chainSeq, contentHash: link.contentHash, seq: link.seq }))
    .digest("hex");
}

function pickContent(content: AuditContent): AuditContent {
  return {
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
}
