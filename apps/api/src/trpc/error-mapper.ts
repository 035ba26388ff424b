import {
  DomainError,
  type DomainErrorShape,
  type ErrorCode,
  isDomainError,
  RULE_IDS,
} from "@kuulo/domain/errors";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

/** The single place where domain error codes become transport codes. */
export const TRPC_CODE_OF: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA: "UNSUPPORTED_MEDIA_TYPE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** tRPC's own refusals (unknown procedure, malformed batch) expressed as domain codes. */
const DOMAIN_CODE_OF_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  PARSE_ERROR: "VALIDATION",
  BAD_REQUEST: "VALIDATION",
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_SUPPORTED: "VALIDATION",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
};

export const INTERNAL_MESSAGE = "Internal error";

interface StandardIssue {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[] | undefined;
}

function issuesOf(cause: unknown): readonly StandardIssue[] | undefined {
  if (cause && typeof cause === "object" && "issues" in cause && Array.isArray(cause.issues)) {
    return cause.issues as StandardIssue[];
  }
  return undefined;
}

/** Input schema failures become VALIDATION naming the first failing field (dotted path). */
export function validationFromIssues(issues: readonly StandardIssue[]): DomainError {
  const first = issues[0];
  const path = (first?.path ?? [])
    .map((segment) => (typeof segment === "object" ? segment.key : segment))
    .map(String)
    .join(".");
  const field = path.length > 0 ? path : "input";
  // Domain zod helpers (e.g. the R4 free-text guard) put their rule and reason on the issue's params.
  const params = (first as { params?: { rule?: unknown; reason?: unknown } } | undefined)?.params;
  const rule = RULE_IDS.find((id) => id === params?.rule);
  const reason = typeof params?.reason === "string" ? params.reason : undefined;
  return new DomainError("VALIDATION", `${field}: ${first?.message ?? "invalid input"}`, {
    field,
    ...(rule ? { rule } : {}),
    ...(reason ? { reason } : {}),
  });
}

/**
 * Turns anything thrown inside a procedure into a TRPCError whose cause is a DomainError.
 * Unknown errors are logged by the caller and reach the client only as INTERNAL "Internal error".
 */
export function toTRPCError(error: unknown): { trpc: TRPCError; unexpected: boolean } {
  const cause = error instanceof TRPCError && error.cause !== undefined ? error.cause : error;
  if (isDomainError(cause)) {
    return {
      trpc: new TRPCError({ code: TRPC_CODE_OF[cause.code], message: cause.message, cause }),
      unexpected: false,
    };
  }
  const issues = issuesOf(cause);
  if (issues && error instanceof TRPCError && error.code === "BAD_REQUEST") {
    const domain = validationFromIssues(issues);
    return {
      trpc: new TRPCError({ code: "BAD_REQUEST", message: domain.message, cause: domain }),
      unexpected: false,
    };
  }
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    const code = DOMAIN_CODE_OF_TRPC[error.code] ?? "INTERNAL";
    const domain = new DomainError(code, code === "INTERNAL" ? INTERNAL_MESSAGE : error.message);
    return {
      trpc: new TRPCError({ code: error.code, message: domain.message, cause: domain }),
      unexpected: false,
    };
  }
  const domain = new DomainError("INTERNAL", INTERNAL_MESSAGE);
  return {
    trpc: new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_MESSAGE, cause: domain }),
    unexpected: true,
  };
}

/** What goes into `error.data.domain`: code, message, and field/rule/reason when known. */
export function domainShapeOf(error: TRPCError): DomainErrorShape {
  if (isDomainError(error.cause)) return error.cause.toJSON();
  const issues = issuesOf(error.cause);
  if (issues && error.code === "BAD_REQUEST") return validationFromIssues(issues).toJSON();
  const code = DOMAIN_CODE_OF_TRPC[error.code] ?? "INTERNAL";
  return { code, message: code === "INTERNAL" ? INTERNAL_MESSAGE : error.message };
}
