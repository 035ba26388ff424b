import type { DbOrTx } from "@kuulo/db/client";
import { listeningRequests, organisations, units, users } from "@kuulo/db/schema";
import type { Role } from "@kuulo/domain/access";
import { decide } from "@kuulo/domain/access";
import { asc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { coversUser, unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { grantUnitIdsOf } from "../users/user-view.js";

interface PersonView {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
}

/** What the approver sees: who asked, for whom, which right and which unit — names, never bare ids. */
export interface ListeningRequestView {
  id: string;
  kind: "grant" | "password_link";
  role: Role | null;
  unit: { id: string; code: string; name: string } | null;
  user: PersonView & { organisationName: string; status: "active" | "deactivated" };
  requestedBy: PersonView | null;
  requestedAt: string;
  status: "pending" | "approved" | "refused";
}

const requester = alias(users, "requester");

export async function loadListeningRequestViews(db: DbOrTx, where: SQL): Promise<ListeningRequestView[]> {
  const rows = await db
    .select({
      request: listeningRequests,
      user: users,
      organisationName: organisations.name,
      unit: units,
      requester: requester,
    })
    .from(listeningRequests)
    .innerJoin(users, eq(users.id, listeningRequests.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(units, eq(units.id, listeningRequests.unitId))
    .leftJoin(requester, eq(requester.id, listeningRequests.requestedBy))
    .where(where)
    .orderBy(asc(listeningRequests.requestedAt), asc(listeningRequests.id));
  const person = (user: typeof users.$inferSelect): PersonView => ({
    id: user.id,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
  });
  return rows.map((row) => ({
    id: row.request.id,
    kind: row.request.kind,
    role: row.request.role,
    unit: row.unit ? { id: row.unit.id, code: row.unit.code, name: row.unit.name } : null,
    user: { ...person(row.user), organisationName: row.organisationName, status: row.user.status },
    requestedBy: row.requester ? person(row.requester) : null,
    requestedAt: row.request.requestedAt.toISOString(),
    status: row.request.status,
  }));
}

/**
 * Whether the approver's grant.approve scope covers the request: a unit role by its unit, an
 * all-units role or a password link only by a scope covering every unit the person is in.
 */
export async function approverCovers(
  ctx: AuthedContext,
  db: DbOrTx,
  request: { kind: "grant" | "password_link"; unitId: string | null; userId: string },
): Promise<boolean> {
  if (request.kind === "grant")
    return decide(ctx.auth.actor, "grant.approve", { unitId: request.unitId }).allowed;
  const scope = unitScope(ctx, "grant.approve");
  return scope.all || coversUser(scope, await grantUnitIdsOf(db, request.userId));
}

export const pendingOnly = (): SQL => eq(listeningRequests.status, "pending");
