import { roleGrants, users } from "@kuulo/db/schema";
import type { Role } from "@kuulo/domain/access";
import { and, asc, eq, exists, gt, ilike, inArray, isNull, notInArray, or, type SQL, sql } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadUserViews, type UserView } from "./user-view.js";

export interface FindUsersInput {
  search?: string | undefined;
  organisationId?: string | undefined;
  unitId?: string | undefined;
  role?: Role | undefined;
  status?: "active" | "deactivated" | undefined;
  /** Keyset pagination: the last username of the previous page. */
  after?: string | undefined;
  limit: number;
}

const liveGrant = (extra?: SQL) =>
  and(eq(roleGrants.userId, users.id), isNull(roleGrants.revokedAt), ...(extra ? [extra] : []));

/** Lists the people within the administrator's units, by username, one page at a time. */
export async function findUsers({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: FindUsersInput;
}): Promise<{ items: UserView[]; nextCursor: string | null }> {
  const scope = unitScope(ctx, "user.read");
  const conditions: SQL[] = [];
  if (!scope.all) {
    // Only people whose every live grant is inside the administrator's units (see coversUser).
    const inside = ctx.db
      .select({ one: sql`1` })
      .from(roleGrants)
      .where(liveGrant(inArray(roleGrants.unitId, scope.unitIds)));
    const outside = ctx.db
      .select({ one: sql`1` })
      .from(roleGrants)
      .where(liveGrant(or(isNull(roleGrants.unitId), notInArray(roleGrants.unitId, scope.unitIds))));
    conditions.push(exists(inside), sql`not ${exists(outside)}`);
  }
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(users.username, pattern),
      ilike(users.firstName, pattern),
      ilike(users.lastName, pattern),
    );
    if (match) conditions.push(match);
  }
  if (input.organisationId) conditions.push(eq(users.organisationId, input.organisationId));
  if (input.status) conditions.push(eq(users.status, input.status));
  if (input.unitId || input.role) {
    const filters = [
      ...(input.unitId ? [eq(roleGrants.unitId, input.unitId)] : []),
      ...(input.role ? [eq(roleGrants.role, input.role)] : []),
    ];
    conditions.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(roleGrants)
          .where(liveGrant(and(...filters))),
      ),
    );
  }
  if (input.after) conditions.push(gt(users.username, input.after));
  const rows = await ctx.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.username))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const items = await loadUserViews(
    ctx.db,
    page.map((row) => row.id),
    ctx.clock.now(),
  );
  return { items, nextCursor: rows.length > input.limit ? (page[page.length - 1]?.username ?? null) : null };
}
