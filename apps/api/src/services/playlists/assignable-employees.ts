import { roleGrants } from "@kuulo/db/schema";
import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";

/** Only an active account can be named in an assignment. */
export const ASSIGNABLE_USER_STATUS = "active";

/**
 * The role grants that make a person assignable by a trainer with this playlist.assign scope: a live
 * employee grant in one of the trainer's units. Shared by playlists.assign and playlists.assignableUsers
 * so the people offered and the people accepted cannot drift apart.
 */
export function assignableEmployeeGrant(scope: { all: boolean; unitIds: readonly string[] }): SQL {
  const inScope = scope.all
    ? isNotNull(roleGrants.unitId)
    : scope.unitIds.length === 0
      ? sql`false`
      : inArray(roleGrants.unitId, [...scope.unitIds]);
  return and(eq(roleGrants.role, "employee"), isNull(roleGrants.revokedAt), inScope) as SQL;
}
