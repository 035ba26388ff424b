import type { FastifyInstance } from "fastify";
import type { Config } from "../env.js";
import { clientAddress, inRanges, parseCidrs } from "./client-address.js";

/**
 * R12, checked before anything else: requests from outside the configured ranges get 403 and
 * nothing more. The client address honours X-Forwarded-For only from a trusted proxy.
 */
export function registerNetworkAllowlist(
  app: FastifyInstance,
  config: Pick<Config, "allowedCidrs" | "trustedProxies">,
) {
  const allowed = parseCidrs(config.allowedCidrs);
  const proxies = parseCidrs(config.trustedProxies);
  app.decorateRequest("clientIp", "");
  app.addHook("onRequest", async (request, reply) => {
    const ip = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], proxies);
    if (!ip || !inRanges(ip, allowed)) {
      request.log.warn(
        { ip: ip ?? "unknown", peer: request.socket.remoteAddress },
        "refused by network allowlist (R12)",
      );
      return reply.code(403).header("cache-control", "no-store").send({
        code: "FORBIDDEN",
        rule: "R12",
        message: "Your network address is not allowed to use Kuulo",
      });
    }
    request.clientIp = ip;
  });
}
