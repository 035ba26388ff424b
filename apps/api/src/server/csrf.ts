import type { FastifyRequest } from "fastify";

export const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Routes that change state without a browser session and therefore without the JSON/Origin rule,
 * e.g. the call recording system's multipart ingest authenticated by a machine token (R5). Each
 * entry is a URL path prefix; the route itself must authenticate its caller.
 */
export const CSRF_EXEMPT_PREFIXES: string[] = ["/ingest/"];

export type CsrfVerdict = { ok: true } | { ok: false; reason: "origin" | "content_type" };

/**
 * State-changing requests must come from an allowed Origin and carry a JSON body, so a cross-site
 * form or a `text/plain` fetch can never reach a mutation (trpc/trpc#5522).
 */
export function checkCsrf(
  request: FastifyRequest,
  /** The path the router matched (request-guards.ts routedPath), never the raw URL. */
  path: string,
  allowedOrigins: ReadonlySet<string>,
  exemptPrefixes: readonly string[],
): CsrfVerdict {
  if (!STATE_CHANGING_METHODS.has(request.method)) return { ok: true };
  if (exemptPrefixes.some((prefix) => path.startsWith(prefix))) return { ok: true };
  const origin = request.headers.origin;
  if (typeof origin !== "string" || !allowedOrigins.has(origin)) return { ok: false, reason: "origin" };
  const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") return { ok: false, reason: "content_type" };
  return { ok: true };
}
