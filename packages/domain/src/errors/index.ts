/** Transport-neutral error codes. apps/api maps each to one HTTP / tRPC status in a single adapter. */
export const ERROR_CODES = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The register rules (shared/mission/REGISTER.md) an error can cite. */
export const RULE_IDS = [
  "R1",
  "R2",
  "R3",
  "R4",
  "R5",
  "R6",
  "R7",
  "R8",
  "R9",
  "R10",
  "R11",
  "R12",
  "R13",
  "R14",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface DomainErrorOptions {
  /** Which input field is at fault, as a dotted path (e.g. "metadata.callerNumber"). */
  field?: string;
  /** Which register rule refused it. */
  rule?: RuleId;
  /** Machine-readable reason for UIs to switch on (e.g. "password.too_short"). */
  reason?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly rule: RuleId | undefined;
  readonly reason: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.field = options.field;
    this.rule = options.rule;
    this.reason = options.reason;
    this.details = options.details;
  }

  toJSON(): DomainErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.rule ? { rule: this.rule } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }
}

/** What clients receive: never a stack trace, SQL or an unknown error's message. */
export interface DomainErrorShape {
  code: ErrorCode;
  message: string;
  field?: string;
  rule?: RuleId;
  reason?: string;
}

export const isDomainError = (value: unknown): value is DomainError => value instanceof DomainError;

export const validationError = (field: string, message: string, rule?: RuleId, reason?: string) =>
  new DomainError("VALIDATION", message, { field, ...(rule ? { rule } : {}), ...(reason ? { reason } : {}) });
export const forbidden = (message: string, rule?: RuleId) =>
  new DomainError("FORBIDDEN", message, rule ? { rule } : {});
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
export const conflict = (message: string, options: DomainErrorOptions = {}) =>
  new DomainError("CONFLICT", message, options);
export { isReasonCode, REASON_CODES, type ReasonCode } from "./reason-codes.js";
