export * from "./audit-actions.js";
export * from "./audit-sentence.js";
export { AUDIT_CSV_COLUMNS, type AuditActionText, type AuditTexts } from "./audit-texts.js";
