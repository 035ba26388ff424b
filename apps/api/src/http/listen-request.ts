import { DomainError, notFound, validationError } from "@kuulo/domain/errors";
import type { FastifyRequest } from "fastify";
import { readCookie, sessionCookieName } from "../auth/session-cookie.js";
import { hashToken } from "../auth/session-token.js";
import { validateSessionToken } from "../auth/sessions.js";
import type { ListenContext, ListenInput } from "../services/recordings/listen-target.js";
import type { AppDeps } from "../trpc/context.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

const SAME_SITE = new Set(["same-origin", "none"]);

/**
 * Audio GETs write audit rows, so they answer only the product's own pages: Sec-Fetch-Site must say
 * same-origin (or none: typed into the address bar), and an Origin, when sent, must be ours.
 */
export function assertSameSite(request: FastifyRequest, deps: AppDeps): void {
  const site = request.headers["sec-fetch-site"];
  const origin = request.headers.origin;
  const crossSite =
    (typeof site === "string" && !SAME_SITE.has(site)) ||
    (typeof origin === "string" && !deps.config.publicOrigins.includes(origin));
  if (crossSite) {
    throw new DomainError("FORBIDDEN", "Cross-site requests for recordings are refused", {
      rule: "R8",
      reason: "csrf.cross_site",
    });
  }
}

/**
 * The service context of a media request: same-site, a fully signed-in session from the cookie, and the
 * request's address. The media routes then call one service verb with it.
 */
export async function listenContext(
  request: FastifyRequest,
  deps: AppDeps,
  /** The auth epoch this request has already read (the audio route reads it with the recording's row). */
  epoch?: number,
): Promise<ListenContext> {
  assertSameSite(request, deps);
  const token = readCookie(request.headers.cookie, sessionCookieName(deps.config.cookieSecure));
  const now = deps.clock.now();
  const result = token
    ? await validateSessionToken(deps.db, token, now, epoch === undefined ? {} : { epoch })
    : null;
  if (!result?.ok || result.state.session.stage !== "full") {
    throw new DomainError("UNAUTHENTICATED", "Sign in to listen to recordings", {
      reason: "session.missing",
    });
  }
  return {
    auth: result.state,
    db: deps.db,
    clock: deps.clock,
    request: { ip: request.clientIp, userAgent: request.headers["user-agent"] },
  };
}

/**
 * The id of the session the request's cookie names, if it is one at all (not checked: the session check
 * decides). Only to find what this listening session may have kept, before that check has answered.
 */
export function claimedSessionId(request: FastifyRequest, deps: AppDeps): string | null {
  const token = readCookie(request.headers.cookie, sessionCookieName(deps.config.cookieSecure));
  return token ? hashToken(token) : null;
}

/** listenInput, or null where it would refuse the request (the refusal comes later, in its order). */
export function listenInputOrNull(request: FastifyRequest<{ Params: { id: string } }>): ListenInput | null {
  try {
    return listenInput(request);
  } catch {
    return null;
  }
}

function optionalId(query: Record<string, unknown>, field: "playlist" | "item"): string | null {
  const value = query[field];
  if (value === undefined || value === "") return null;
  if (!isUuid(value)) throw validationError(field, `${field} must be an id (uuid)`);
  return value;
}

/** `/media/recordings/:id/…?playlist=&item=`: an unknown recording id is simply not found. */
export function listenInput(request: FastifyRequest<{ Params: { id: string } }>): ListenInput {
  if (!isUuid(request.params.id)) throw notFound("Recording");
  const query = (request.query ?? {}) as Record<string, unknown>;
  return {
    recordingId: request.params.id,
    playlistId: optionalId(query, "playlist"),
    itemId: optionalId(query, "item"),
  };
}
