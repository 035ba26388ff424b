import type { FastifyReply, FastifyRequest } from "fastify";
import {
  readCookie,
  serializeClearedSessionCookie,
  serializeSessionCookie,
  sessionCookieName,
} from "../auth/session-cookie.js";
import { validateSessionToken } from "../auth/sessions.js";
import type { AppDeps, Context, SessionCookieWriter } from "./context.js";

function cookieWriter(reply: FastifyReply, secure: boolean): SessionCookieWriter {
  return {
    set: (token, expiresAt) => {
      reply.header("set-cookie", serializeSessionCookie(secure, token, expiresAt));
    },
    clear: () => {
      reply.header("set-cookie", serializeClearedSessionCookie(secure));
    },
  };
}

/** Builds the per-request context: the session, user, grants and actor are loaded fresh every time. */
export async function createRequestContext(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<Context> {
  const secure = deps.config.cookieSecure;
  const token = readCookie(req.headers.cookie, sessionCookieName(secure));
  const cookies = cookieWriter(reply, secure);
  let auth: Context["auth"] = null;
  if (token) {
    const result = await validateSessionToken(deps.db, token, deps.clock.now());
    if (result.ok) auth = result.state;
    else cookies.clear();
  }
  return {
    ...deps,
    request: { ip: req.clientIp, userAgent: req.headers["user-agent"] },
    auth,
    sessionToken: auth ? token : null,
    cookies,
  };
}
