import { roleGrants, users } from "@kuulo/db/schema";
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { ASSIGNABLE_USER_STATUS, assignableEmployeeGrant } from "./assignable-employees.js";
import { loadPlaylistInScope } from "./load-playlist.js";

export const ASSIGNABLE_USERS_LIMIT = 50;

export interface AssignableUser {
  id: string;
  firstName: string;
  lastName: string;
  username: string;
  /** The trainer's units in which this person is an employee. */
  unitIds: string[];
}

/**
 * The people a trainer may name in playlists.assign for this playlist: active employees of the trainer's
 * units, by last name. Minimal fields only: a picker needs no more of anyone's account.
 */
export async function findAssignableUsers({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { playlistId: string; search?: string | undefined };
}): Promise<{ items: AssignableUser[] }> {
  await loadPlaylistInScope(ctx, "playlist.assign", input.playlistId);
  const grant = assignableEmployeeGrant(unitScope(ctx, "playlist.assign"));
  const conditions: (SQL | undefined)[] = [eq(users.status, ASSIGNABLE_USER_STATUS)];
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(users.firstName, pattern),
        ilike(users.lastName, pattern),
        ilike(users.username, pattern),
        ilike(sql`${users.firstName} || ' ' || ${users.lastName}`, pattern),
      ),
    );
  }
  const people = await ctx.db
    .selectDistinct({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      username: users.username,
    })
    .from(users)
    .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), grant))
    .where(and(...conditions))
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.username), asc(users.id))
    .limit(ASSIGNABLE_USERS_LIMIT);
  if (people.length === 0) return { items: [] };
  const grants = await ctx.db
    .select({ userId: roleGrants.userId, unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(
      and(
        inArray(
          roleGrants.userId,
          people.map((person) => person.id),
        ),
        grant,
      ),
    );
  return {
    items: people.map((person) => ({
      ...person,
      unitIds: [
        ...new Set(grants.flatMap((row) => (row.userId === person.id && row.unitId ? [row.unitId] : []))),
      ].sort(),
    })),
  };
}
