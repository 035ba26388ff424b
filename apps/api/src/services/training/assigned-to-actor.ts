import type { DbOrTx } from "@kuulo/db/client";
import { playlistAssignments, playlists } from "@kuulo/db/schema";
import type { UserActor } from "@kuulo/domain/access";
import { and, eq, exists, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";

/** The units where the actor is an employee (a grant with unit null covers every unit). */
export function employeeUnitsOf(actor: UserActor): { all: boolean; unitIds: string[] } {
  const grants = actor.grants.filter((grant) => grant.role === "employee");
  const all = grants.some((grant) => grant.unitId === null);
  const unitIds = [...new Set(grants.flatMap((grant) => (grant.unitId ? [grant.unitId] : [])))];
  return { all, unitIds };
}

/** An assignment row that reaches the actor: to them by name, or to a unit they are an employee in. */
export function assignmentReachesActor(actor: UserActor): SQL {
  const units = employeeUnitsOf(actor);
  const byUnit = units.all
    ? isNotNull(playlistAssignments.unitId)
    : units.unitIds.length > 0
      ? inArray(playlistAssignments.unitId, units.unitIds)
      : sql`false`;
  return or(eq(playlistAssignments.userId, actor.userId), byUnit) ?? sql`false`;
}

/** Condition on `playlists`: published and assigned to the actor. */
export function publishedAndAssignedTo(db: DbOrTx, actor: UserActor): SQL {
  const assignment = db
    .select({ one: sql`1` })
    .from(playlistAssignments)
    .where(and(eq(playlistAssignments.playlistId, playlists.id), assignmentReachesActor(actor)));
  return and(eq(playlists.status, "published"), exists(assignment)) ?? sql`false`;
}

export async function isPlaylistAssignedToActor(
  db: DbOrTx,
  actor: UserActor,
  playlistId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: playlists.id })
    .from(playlists)
    .where(and(eq(playlists.id, playlistId), publishedAndAssignedTo(db, actor)))
    .limit(1);
  return row !== undefined;
}
