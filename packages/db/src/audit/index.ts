export {
  AUDIT_APPEND_LOCK_KEY,
  type AuditEventInput,
  appendAuditEvent,
  observeAuditAppends,
} from "./append-audit-event.js";
export { type AuditHead, auditHead } from "./audit-head.js";
export { canonicalJson } from "./canonical-json.js";
export { GENESIS_HASH, hashAuditEvent } from "./hash-audit-event.js";
export {
  type AuditChainBreak,
  type AuditChainVerification,
  type VerifyAuditChainOptions,
  verifyAuditChain,
} from "./verify-audit-chain.js";
