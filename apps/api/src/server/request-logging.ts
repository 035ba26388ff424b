import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { Config } from "../env.js";
import { clientAddress, inRanges, parseCidrs } from "./client-address.js";

/** One-time secrets that travel in paths: logged as `:redacted`, never as themselves. */
const SECRET_PATHS: RegExp[] = [/^(\/exports\/)[^/?#]+/];

/** The path as logged: secrets in it redacted, the query string dropped (search terms, tRPC input). */
export function loggablePath(url: string): string {
  const query = url.indexOf("?");
  let path = query === -1 ? url : url.slice(0, query);
  for (const pattern of SECRET_PATHS) path = path.replace(pattern, "$1:redacted");
  return query === -1 ? path : `${path}?…`;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Request ids: a trusted proxy's X-Request-Id (nginx's $request_id) is kept so the proxy's and the API's
 * logs join up; from anyone else it is ignored and a fresh id is made, so clients cannot forge log lines'
 * correlation. Logs carry the real client address (through a trusted proxy only), never cookies,
 * Authorization headers, bodies or query strings.
 */
export function requestLoggingOptions(
  config: Pick<Config, "trustedProxies" | "logLevel">,
  stream?: NodeJS.WritableStream,
): Pick<FastifyServerOptions, "genReqId" | "logger"> {
  const proxies = parseCidrs(config.trustedProxies);
  const fromTrustedProxy = (raw: IncomingMessage) => {
    const peer = raw.socket?.remoteAddress;
    return proxies.length > 0 && peer !== undefined && inRanges(peer, proxies);
  };
  return {
    genReqId: (raw) => {
      const offered = raw.headers["x-request-id"];
      if (typeof offered === "string" && REQUEST_ID.test(offered) && fromTrustedProxy(raw)) return offered;
      return randomUUID();
    },
    logger: {
      level: config.logLevel,
      ...(stream ? { stream } : {}),
      redact: {
        paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
        censor: "[redacted]",
      },
      serializers: {
        req: (request: { method?: string; url?: string; raw?: IncomingMessage; socket?: unknown }) => {
          const raw = (request.raw ?? request) as IncomingMessage;
          return {
            method: request.method,
            url: loggablePath(request.url ?? ""),
            client: clientAddress(raw.socket?.remoteAddress, raw.headers?.["x-forwarded-for"], proxies),
            peer: raw.socket?.remoteAddress,
          };
        },
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      },
    },
  };
}

/** Echoes the request id to the client (and to the proxy's log), on every response. */
export function registerRequestIdEcho(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
}
