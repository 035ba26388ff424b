import { DomainError, type ErrorCode, isDomainError } from "@kuulo/domain/errors";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The plain-HTTP twin of the tRPC error mapper: one status per domain error code. */
export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  INTERNAL: 500,
};

/** JSON `{ code, message, field?, rule?, reason? }`; unknown errors are logged and reach clients as INTERNAL. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const domain = isDomainError(error) ? error : new DomainError("INTERNAL", "Internal error");
  const status = HTTP_STATUS_OF[domain.code];
  if (status >= 500) {
    request.log.error({ err: error }, "plain route failed");
    return reply
      .code(500)
      .header("cache-control", "no-store")
      .send({ code: "INTERNAL", message: "Internal error" });
  }
  return reply.code(status).header("cache-control", "no-store").send(domain.toJSON());
}
