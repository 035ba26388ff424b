export { type AuditEventInput, appendAuditEvent, observeAuditAppends } from "./append-audit-event.js";
export { type AuditHead, auditHead } from "./audit-head.js";
export { canonicalJson } from "./canonical-json.js";
export {
  type AuditContent,
  GENESIS_HASH,
  hashAuditContent,
  hashAuditEvent,
  linkAuditEvent,
} from "./hash-audit-event.js";
export {
  AUDIT_SEQUENCER_LOCK_KEY,
  type LinkPendingAuditEventsOptions,
  type LinkPendingAuditEventsResult,
  linkPendingAuditEvents,
} from "./link-pending-audit-events.js";
export {
  type AuditChainBreak,
  type AuditChainVerification,
  DEFAULT_MAX_MERGE_DELAY_MS,
  type VerifyAuditChainOptions,
  verifyAuditChain,
} from "./verify-audit-chain.js";
