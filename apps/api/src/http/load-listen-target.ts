import { recordings, units } from "@kuulo/db/schema";
import type { Permission } from "@kuulo/domain/access";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { AuthState } from "../auth/auth-state.js";
import { readCookie, sessionCookieName } from "../auth/session-cookie.js";
import { validateSessionToken } from "../auth/sessions.js";
import { decideRecordingAccess, type ListenVia, viaOf } from "../recordings/decide-listen.js";
import { auditDenied } from "../services/shared/audit.js";
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

export async function requireFullSession(request: FastifyRequest, deps: AppDeps): Promise<AuthState> {
  const token = readCookie(request.headers.cookie, sessionCookieName(deps.config.cookieSecure));
  const result = token ? await validateSessionToken(deps.db, token, deps.clock.now()) : null;
  if (!result?.ok || result.state.session.stage !== "full") {
    throw new DomainError("UNAUTHENTICATED", "Sign in to listen to recordings", {
      reason: "session.missing",
    });
  }
  return result.state;
}

export interface ListenGrant {
  auth: AuthState;
  via: ListenVia;
  recording: {
    id: string;
    unitId: string;
    storageKey: string;
    wrappedDataKey: Uint8Array;
    storedSizeBytes: number;
    durationMs: number;
    peaks: number[] | null;
  };
}

/**
 * Same-site, signed in, the recording exists (not deleted or crypto-erased), and the domain policy lets
 * this person use it (R10). A refusal is audited and thrown as FORBIDDEN.
 */
export async function loadListenTarget(
  request: FastifyRequest,
  deps: AppDeps,
  recordingId: string,
  permission: Permission,
): Promise<ListenGrant> {
  assertSameSite(request, deps);
  const auth = await requireFullSession(request, deps);
  if (!isUuid(recordingId)) throw notFound("Recording");
  const [row] = await deps.db
    .select({ recording: recordings, organisationId: units.organisationId })
    .from(recordings)
    .innerJoin(units, eq(units.id, recordings.unitId))
    .where(eq(recordings.id, recordingId))
    .limit(1);
  const recording = row?.recording;
  if (!row || !recording || recording.deletedAt || !recording.wrappedDataKey) throw notFound("Recording");
  const decision = await decideRecordingAccess(
    deps.db,
    auth,
    permission,
    {
      id: recording.id,
      unitId: recording.unitId,
      organisationId: row.organisationId,
      staffMemberId: recording.staffMemberId,
    },
    deps.clock.now(),
  );
  if (!decision.allowed) {
    await auditDenied(
      {
        auth,
        db: deps.db,
        clock: deps.clock,
        request: { ip: request.clientIp, userAgent: request.headers["user-agent"] },
      },
      { permission, targetType: "recording", targetId: recording.id, reason: decision.reason },
    );
    throw new DomainError(
      "FORBIDDEN",
      `Not allowed: ${permission} for this recording is outside your scope`,
      {
        rule: "R10",
        reason: "scope.outside",
      },
    );
  }
  return {
    auth,
    via: viaOf(decision),
    recording: {
      id: recording.id,
      unitId: recording.unitId,
      storageKey: recording.storageKey,
      wrappedDataKey: recording.wrappedDataKey,
      storedSizeBytes: recording.storedSizeBytes,
      durationMs: recording.durationMs,
      peaks: recording.peaks,
    },
  };
}
