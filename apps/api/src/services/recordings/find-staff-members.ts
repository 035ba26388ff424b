import { recordingScopeCondition } from "@kuulo/db/queries";
import { recordings, staffMembers } from "@kuulo/db/schema";
import { and, asc, eq, exists, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { recordingScopeOf } from "./recording-access.js";

export interface StaffMemberOptionView {
  id: string;
  firstName: string;
  lastName: string;
  username: string;
  unitId: string | null;
}

/**
 * The staff members whose recordings the caller may read, for the search filter: those in the caller's
 * units, and anyone with at least one readable recording (own calls, assigned, moved between units).
 * Audited as a read because it lists personal data of staff (R3).
 */
export async function findStaffMembers({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { search?: string | undefined; limit: number };
}): Promise<{ items: StaffMemberOptionView[]; truncated: boolean }> {
  const scope = recordingScopeOf(ctx.auth.actor, "recording.read");
  const conditions: (SQL | undefined)[] = [];
  if (!scope.all) {
    const recordingScope = recordingScopeCondition(ctx.db, scope);
    if (recordingScope === "nothing") return { items: [], truncated: false };
    const hasReadable = exists(
      ctx.db
        .select({ one: sql`1` })
        .from(recordings)
        .where(
          and(eq(recordings.staffMemberId, staffMembers.id), isNull(recordings.deletedAt), recordingScope),
        ),
    );
    conditions.push(
      scope.unitIds.length > 0 ? or(inArray(staffMembers.unitId, scope.unitIds), hasReadable) : hasReadable,
    );
  }
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(staffMembers.username, pattern),
        ilike(staffMembers.firstName, pattern),
        ilike(staffMembers.lastName, pattern),
      ),
    );
  }
  const rows = await ctx.db
    .select({
      id: staffMembers.id,
      firstName: staffMembers.firstName,
      lastName: staffMembers.lastName,
      username: staffMembers.username,
      unitId: staffMembers.unitId,
    })
    .from(staffMembers)
    .where(and(...conditions))
    .orderBy(asc(staffMembers.lastName), asc(staffMembers.firstName), asc(staffMembers.username))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  await audit(ctx.db, ctx, {
    action: "recording.read",
    targetType: "staff_member_list",
    targetId: null,
    outcome: "success",
    details: { ...(input.search ? { search: true } : {}), returned: items.length },
  });
  return { items, truncated: rows.length > input.limit };
}
