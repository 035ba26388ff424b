import type { DbOrTx } from "@kuulo/db/client";
import { activeTrainingDisclosures } from "@kuulo/db/queries";
import { organisations, roleGrants, sessions, users } from "@kuulo/db/schema";
import { ROLES_REQUIRING_SECOND_FACTOR, type Role } from "@kuulo/domain/access";
import { LOCALES } from "@kuulo/domain/register";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { AuthState, SessionStage } from "./auth-state.js";
import { organisationMaySignIn } from "./designated-user.js";
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

export async function loadGrants(db: DbOrTx, userId: string) {
  return db
    .select({ id: roleGrants.id, role: roleGrants.role, unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));
}

/**
 * Validates a session token on every request: absolute and idle expiry, account status and the
 * organisation's agreement (R9) are checked each time, so revocation bites on the next call.
 */
export async function validateSessionToken(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<{ ok: true; state: AuthState } | { ok: false; reason: SessionRefusal; userId?: string }> {
  if (!/^[a-z2-7]{52}$/.test(token)) return { ok: false, reason: "unknown" };
  const id = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users, organisation: organisations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  const { session, user, organisation } = row;
  const idleExpiresAt = new Date(session.lastActiveAt.getTime() + session.idleTimeoutSeconds * 1000);
  let refusal: SessionRefusal | null = null;
  if (now.getTime() >= session.expiresAt.getTime()) refusal = "expired";
  else if (now.getTime() >= idleExpiresAt.getTime()) refusal = "idle";
  else if (user.status !== "active") refusal = "inactive";
  else if (!organisationMaySignIn(organisation, now)) refusal = "agreement";
  if (refusal) {
    await deleteSession(db, id);
    return { ok: false, reason: refusal, userId: user.id };
  }

  let lastActiveAt = session.lastActiveAt;
  if (now.getTime() - lastActiveAt.getTime() >= TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, id));
    lastActiveAt = now;
  }
  const grants = await loadGrants(db, user.id);
  const roles = [...new Set(grants.map((grant) => grant.role))];
  const disclosureIds = roles.includes("external_trainer")
    ? (await activeTrainingDisclosures(db, user.id, now)).map((d) => d.id)
    : [];
  const totpEnabled = user.totpEnabledAt !== null;
  return {
    ok: true,
    state: {
      session: {
        id,
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
    },
  };
}
