import type { DomainErrorShape, ErrorCode } from "@kuulo/domain/errors";

const TRPC_TO_DOMAIN: Record<string, ErrorCode> = {
  BAD_REQUEST: "VALIDATION",
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA",
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/**
 * The API puts the domain error (code, message, field, rule, reason) under `error.data.domain`.
 * Falls back to the tRPC code so that transport errors still get a stable code.
 */
export function readDomainError(error: unknown): DomainErrorShape | null {
  if (!isRecord(error)) return null;
  const data = isRecord(error.data) ? error.data : undefined;
  const domain = data && isRecord(data.domain) ? data.domain : undefined;
  const message = typeof error.message === "string" ? error.message : "";
  if (domain && typeof domain.code === "string") {
    return {
      code: domain.code as ErrorCode,
      message: typeof domain.message === "string" ? domain.message : message,
      ...(typeof domain.field === "string" ? { field: domain.field } : {}),
      ...(typeof domain.rule === "string" ? { rule: domain.rule as DomainErrorShape["rule"] } : {}),
      ...(typeof domain.reason === "string" ? { reason: domain.reason } : {}),
    };
  }
  const trpcCode = data && typeof data.code === "string" ? data.code : undefined;
  if (trpcCode) return { code: TRPC_TO_DOMAIN[trpcCode] ?? "INTERNAL", message };
  if (error.name === "TRPCClientError") return { code: "INTERNAL", message };
  return null;
}

export const isUnauthenticated = (error: unknown): boolean =>
  readDomainError(error)?.code === "UNAUTHENTICATED";
