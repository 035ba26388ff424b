import type { FastifyInstance } from "fastify";
import type { Config } from "../env.js";
import { checkCsrf } from "./csrf.js";
import { applySecurityHeaders } from "./security-headers.js";

/** Paths whose GETs read personal data or write audit rows: never answered to a cross-site request. */
const SAME_SITE_ONLY_PREFIXES = ["/trpc", "/media"];

export interface RequestGuardOptions {
  config: Pick<Config, "publicOrigins" | "cookieSecure">;
  csrfExemptPrefixes: readonly string[];
}

/** Security headers on everything, CSRF refusal for state changes, no-store unless a route opts in. */
export function registerRequestGuards(app: FastifyInstance, options: RequestGuardOptions) {
  const origins = new Set(options.config.publicOrigins);
  app.addHook("onRequest", async (request, reply) => {
    applySecurityHeaders(reply, options.config.cookieSecure);
    const verdict = checkCsrf(request, origins, options.csrfExemptPrefixes);
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
    const path = request.url;
    if (site === "cross-site" && SAME_SITE_ONLY_PREFIXES.some((prefix) => path.startsWith(prefix))) {
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
