import type { DbOrTx } from "@kuulo/db/client";
import { disclosures, organisations, roleGrants, sessions, units, users } from "@kuulo/db/schema";
import { ROLES_REQUIRING_SECOND_FACTOR, type Role } from "@kuulo/domain/access";
import { isDisclosureActive } from "@kuulo/domain/disclosure";
import { LOCALES } from "@kuulo/domain/register";
import { and, eq, isNull, ne } from "drizzle-orm";
import { metrics } from "../observability/metrics.js";
import type { AuthState, GrantView, SessionStage } from "./auth-state.js";
import { organisationMaySignIn } from "./designated-user.js";
import { type DisclosureWindow, type SessionFacts, sessionCacheOf } from "./session-cache.js";
import { generateSecretToken, hashToken } from "./session-token.js";

/** A session that still needs its second factor (or enrolment) lives only this long. */
export const PENDING_SESSION_SECONDS = 10 * 60;

/** Sliding the idle window costs a write, so it is refreshed at most once a minute. */
const TOUCH_AFTER_MS = 60_000;

export interface NewSessionInput {
  userId: string;
  now: Date;
  idleSeconds: number;
  absoluteSeconds: number;
  secondFactorVerified: boolean;
  ip: string | null;
  userAgent: string | null;
}

export async function createSession(
  db: DbOrTx,
  input: NewSessionInput,
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = generateSecretToken();
  const id = hashToken(token);
  const expiresAt = new Date(input.now.getTime() + input.absoluteSeconds * 1000);
  await db.insert(sessions).values({
    id,
    userId: input.userId,
    createdAt: input.now,
    lastActiveAt: input.now,
    expiresAt,
    idleTimeoutSeconds: input.idleSeconds,
    secondFactorVerified: input.secondFactorVerified,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
  });
  return { token, id, expiresAt };
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (password change, deactivation, role change, reset), optionally keeping one. */
export async function deleteUserSessions(
  db: DbOrTx,
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return deleted.length;
}

export function stageOf(
  roles: readonly Role[],
  totpEnabled: boolean,
  secondFactorVerified: boolean,
): SessionStage {
  if (totpEnabled && !secondFactorVerified) return "second_factor";
  if (!totpEnabled && roles.some((role) => ROLES_REQUIRING_SECOND_FACTOR.includes(role))) return "enrolment";
  return "full";
}

export type SessionRefusal = "unknown" | "expired" | "idle" | "inactive" | "agreement";

/** The person's live grants with their units' codes and names (what `auth.me` shows, with no query of its own). */
export async function loadGrants(db: DbOrTx, userId: string): Promise<GrantView[]> {
  return db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitCode: units.code,
      unitName: units.name,
    })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));
}

/**
 * The facts of every training disclosure made to this person; which are active at a given moment is the
 * domain's `isDisclosureActive`, decided on every request from these cached facts.
 */
async function loadDisclosureWindows(db: DbOrTx, userId: string): Promise<DisclosureWindow[]> {
  return db
    .select({
      id: disclosures.id,
      status: disclosures.status,
      revokedAt: disclosures.revokedAt,
      validFrom: disclosures.validFrom,
      validUntil: disclosures.validUntil,
    })
    .from(disclosures)
    .where(and(eq(disclosures.externalUserId, userId), eq(disclosures.kind, "training")));
}

async function loadSessionFacts(db: DbOrTx, id: string): Promise<SessionFacts | null> {
  const [row] = await db
    .select({ session: sessions, user: users, organisation: organisations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return null;
  const grants = await loadGrants(db, row.user.id);
  const external = grants.some((grant) => grant.role === "external_trainer");
  return { ...row, grants, disclosures: external ? await loadDisclosureWindows(db, row.user.id) : [] };
}

function refusalOf(facts: SessionFacts, now: Date): SessionRefusal | null {
  const { session, user, organisation } = facts;
  const idleExpiresAt = session.lastActiveAt.getTime() + session.idleTimeoutSeconds * 1000;
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() >= idleExpiresAt) return "idle";
  if (user.status !== "active") return "inactive";
  if (!organisationMaySignIn(organisation, now)) return "agreement";
  return null;
}

/**
 * Validates a session token on every request: absolute and idle expiry, account status and the
 * organisation's agreement (R9) are checked each time, so revocation bites on the next call. The facts
 * come from this instance's session cache while the database's auth epoch says nothing changed; the
 * clock-dependent checks always run, and any refusal is re-decided on fresh facts before it is given.
 */
export async function validateSessionToken(
  db: DbOrTx,
  token: string,
  now: Date,
  /**
   * `cache: false` reads everything afresh (the benchmark's baseline); requests always use the cache.
   * `epoch`: the auth epoch the caller read in this request, before anything else it reads.
   */
  options: { cache?: boolean; epoch?: number } = {},
): Promise<SessionCheck> {
  const result = await checkSessionToken(db, token, now, options);
  metrics.sessionChecks.inc({ result: result.ok ? "valid" : result.reason });
  return result;
}

type SessionCheck = { ok: true; state: AuthState } | { ok: false; reason: SessionRefusal; userId?: string };

async function checkSessionToken(
  db: DbOrTx,
  token: string,
  now: Date,
  options: { cache?: boolean; epoch?: number },
): Promise<SessionCheck> {
  if (!/^[a-z2-7]{52}$/.test(token)) return { ok: false, reason: "unknown" };
  const id = hashToken(token);
  const cache = options.cache === false ? null : sessionCacheOf(db);
  const epoch = cache
    ? options.epoch === undefined
      ? await cache.sync(db)
      : cache.observe(options.epoch)
    : null;
  const cached = cache?.get(id);
  if (cached && refusalOf(cached, now) === null) return { ok: true, state: await stateOf(db, cached, now) };

  // Not cached, or the cached facts say no (another instance may have slid the idle window): read afresh.
  const facts = await loadSessionFacts(db, id);
  if (!facts) {
    cache?.delete(id);
    return { ok: false, reason: "unknown" };
  }
  const refusal = refusalOf(facts, now);
  if (refusal) {
    cache?.delete(id);
    await deleteSession(db, id);
    return { ok: false, reason: refusal, userId: facts.user.id };
  }
  if (cache && epoch !== null) cache.set(id, facts, epoch);
  return { ok: true, state: await stateOf(db, facts, now) };
}

/** Slides the idle window (a write at most once a minute) and builds the request's view of the facts. */
async function stateOf(db: DbOrTx, facts: SessionFacts, now: Date): Promise<AuthState> {
  const { user, organisation, grants } = facts;
  if (now.getTime() - facts.session.lastActiveAt.getTime() >= TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, facts.session.id));
    facts.session = { ...facts.session, lastActiveAt: now };
  }
  const { session } = facts;
  const lastActiveAt = session.lastActiveAt;
  const roles = [...new Set(grants.map((grant) => grant.role))];
  const disclosureIds = roles.includes("external_trainer")
    ? facts.disclosures.filter((window) => isDisclosureActive(window, now)).map((window) => window.id)
    : [];
  const totpEnabled = user.totpEnabledAt !== null;
  return {
    session: {
      id: session.id,
      stage: stageOf(roles, totpEnabled, session.secondFactorVerified),
      createdAt: session.createdAt,
      lastActiveAt,
      idleExpiresAt: new Date(
        Math.min(lastActiveAt.getTime() + session.idleTimeoutSeconds * 1000, session.expiresAt.getTime()),
      ),
      absoluteExpiresAt: session.expiresAt,
    },
    user: {
      id: user.id,
      username: user.username,
      firstName: user.firstName,
      lastName: user.lastName,
      organisationId: user.organisationId,
      staffMemberId: user.staffMemberId,
      totpEnabled,
      mustChangePassword: user.mustChangePassword,
      locale: LOCALES.find((locale) => locale === user.locale) ?? null,
    },
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
    grants,
    roles,
    actor: {
      kind: "user",
      userId: user.id,
      organisationId: user.organisationId,
      grants: grants.map((grant) => ({ role: grant.role, unitId: grant.unitId })),
      staffMemberId: user.staffMemberId,
      disclosureIds,
    },
  };
}
