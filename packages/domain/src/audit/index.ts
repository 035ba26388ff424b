export * from "./audit-actions.js";
export * from "./audit-sentence.js";
export type { AuditActionText, AuditTexts } from "./audit-texts.js";
