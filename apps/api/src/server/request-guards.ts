import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../env.js";
import { checkCsrf, STATE_CHANGING_METHODS } from "./csrf.js";
import { applySecurityHeaders } from "./security-headers.js";

/** Paths whose GETs read personal data or write audit rows: answered only to same-origin requests. */
const SAME_ORIGIN_ONLY_PREFIXES = ["/trpc", "/media", "/exports"];

/** A sibling subdomain is "same-site" but not ours: only same-origin (or no header, e.g. curl) passes. */
const REFUSED_SITES = new Set(["cross-site", "same-site"]);

export interface RequestGuardOptions {
  config: Pick<Config, "publicOrigins" | "cookieSecure">;
  csrfExemptPrefixes: readonly string[];
}

/**
 * The path the router matched (its route pattern, e.g. `/trpc/:path`), not the raw URL: the router
 * percent-decodes, so `/%74rpc/…` reaches tRPC and a raw-string check would miss it. Unmatched
 * requests fall back to the decoded path.
 */
export function routedPath(request: FastifyRequest): string {
  const matched = request.routeOptions.url;
  if (matched !== undefined) return matched;
  const raw = request.url.split("?")[0] ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Security headers on everything, CSRF refusal for state changes, no-store unless a route opts in. */
export function registerRequestGuards(app: FastifyInstance, options: RequestGuardOptions) {
  const origins = new Set(options.config.publicOrigins);
  app.addHook("onRequest", async (request, reply) => {
    applySecurityHeaders(reply, options.config.cookieSecure);
    const path = routedPath(request);
    const verdict = checkCsrf(request, path, origins, options.csrfExemptPrefixes);
    if (!verdict.ok) {
      const message =
        verdict.reason === "origin"
          ? "Request refused: it did not come from an allowed origin"
          : "Request refused: state-changing requests must send application/json";
      return reply
        .code(403)
        .header("cache-control", "no-store")
        .send({ code: "FORBIDDEN", reason: `csrf.${verdict.reason}`, message });
    }
    const site = request.headers["sec-fetch-site"];
    const guarded =
      SAME_ORIGIN_ONLY_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) ||
      (STATE_CHANGING_METHODS.has(request.method) &&
        !options.csrfExemptPrefixes.some((prefix) => path.startsWith(prefix)));
    if (typeof site === "string" && REFUSED_SITES.has(site) && guarded) {
      return reply
        .code(403)
        .header("cache-control", "no-store")
        .send({ code: "FORBIDDEN", reason: "csrf.cross_site", message: "Cross-site requests are refused" });
    }
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });
}
