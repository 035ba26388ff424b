import type { DbOrTx } from "@kuulo/db/client";
import { listeningRequests, loginThrottles, organisations, roleGrants, units, users } from "@kuulo/db/schema";
import type { Role } from "@kuulo/domain/access";
import { and, eq, inArray, isNull } from "drizzle-orm";

export interface UserGrantView {
  id: string;
  role: Role;
  unitId: string | null;
  unitCode: string | null;
  grantedAt: string;
}

/** What administrators see of an account: never the password hash, TOTP secret or recovery codes. */
export interface UserView {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string | null;
  organisationId: string;
  organisationName: string;
  status: "active" | "deactivated";
  /** Locked by the sign-in throttle (R11) until this time, if now in the future. */
  lockedUntil: string | null;
  totpEnabled: boolean;
  passwordSet: boolean;
  createdAt: string;
  deactivatedAt: string | null;
  grants: UserGrantView[];
  /** Listening roles and set-password links asked for the person, awaiting a second person (R10). */
  awaitingApproval: {
    id: string;
    kind: "grant" | "password_link";
    role: Role | null;
    unitId: string | null;
    unitCode: string | null;
    requestedAt: string;
  }[];
}

/** Loads the views of the given users, in the order of `ids`. */
export async function loadUserViews(db: DbOrTx, ids: readonly string[], now: Date): Promise<UserView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ user: users, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(users.id, [...ids]));
  const grants = await db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitCode: units.code,
      grantedAt: roleGrants.grantedAt,
    })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(and(inArray(roleGrants.userId, [...ids]), isNull(roleGrants.revokedAt)));
  const pending = await db
    .select({
      id: listeningRequests.id,
      userId: listeningRequests.userId,
      kind: listeningRequests.kind,
      role: listeningRequests.role,
      unitId: listeningRequests.unitId,
      unitCode: units.code,
      requestedAt: listeningRequests.requestedAt,
    })
    .from(listeningRequests)
    .leftJoin(units, eq(units.id, listeningRequests.unitId))
    .where(and(inArray(listeningRequests.userId, [...ids]), eq(listeningRequests.status, "pending")));
  const throttles = await db
    .select()
    .from(loginThrottles)
    .where(
      inArray(
        loginThrottles.key,
        rows.map((row) => `user:${row.user.username}`),
      ),
    );
  const lockOf = new Map(throttles.map((row) => [row.key, row.lockedUntil]));
  const byId = new Map(
    rows.map(({ user, organisationName }) => {
      const throttleLock = lockOf.get(`user:${user.username}`) ?? null;
      const lock = [throttleLock, user.lockedUntil]
        .filter((date): date is Date => date !== null && date.getTime() > now.getTime())
        .sort((a, b) => b.getTime() - a.getTime())[0];
      const view: UserView = {
        id: user.id,
        username: user.username,
        firstName: user.firstName,
        lastName: user.lastName,
        email: user.email,
        organisationId: user.organisationId,
        organisationName,
        status: user.status,
        lockedUntil: lock ? lock.toISOString() : null,
        totpEnabled: user.totpEnabledAt !== null,
        passwordSet: user.passwordHash !== null,
        createdAt: user.createdAt.toISOString(),
        deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
        grants: grants
          .filter((grant) => grant.userId === user.id)
          .map((grant) => ({
            id: grant.id,
            role: grant.role,
            unitId: grant.unitId,
            unitCode: grant.unitCode,
            grantedAt: grant.grantedAt.toISOString(),
          })),
        awaitingApproval: pending
          .filter((request) => request.userId === user.id)
          .map(({ userId: _userId, requestedAt, ...request }) => ({
            ...request,
            requestedAt: requestedAt.toISOString(),
          })),
      };
      return [user.id, view] as const;
    }),
  );
  return ids.map((id) => byId.get(id)).filter((view): view is UserView => view !== undefined);
}

/** The units of a user's live grants (null = all units), for scope checks. */
export async function grantUnitIdsOf(db: DbOrTx, userId: string): Promise<(string | null)[]> {
  const rows = await db
    .select({ unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));
  return rows.map((row) => row.unitId);
}
