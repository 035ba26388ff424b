import { roleGrants, units, users } from "@kuulo/db/schema";
import { DomainError, validationError } from "@kuulo/domain/errors";
import { and, inArray } from "drizzle-orm";
import { authorize, unitScope } from "../shared/authorize.js";
import { refuseOutsideScope } from "../shared/refuse-outside-scope.js";
import type { AuthedContext } from "../shared/service-context.js";
import { ASSIGNABLE_USER_STATUS, assignableEmployeeGrant } from "./assignable-employees.js";

export interface AssignmentTargetsInput {
  playlistId: string;
  unitIds: string[];
  userIds: string[];
  dueOn?: string | undefined;
}

/**
 * Every unit must be within the trainer's playlist.assign scope, and every named person must hold a live
 * employee grant in such a unit (IDOR: ids inside the arrays are checked one by one, audited when refused).
 */
export async function checkAssignmentTargets(
  ctx: AuthedContext,
  input: AssignmentTargetsInput,
): Promise<void> {
  const unitIds = [...new Set(input.unitIds)];
  const unitRows =
    unitIds.length === 0
      ? []
      : await ctx.db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
  const knownUnits = new Set(unitRows.map((row) => row.id));
  for (const [index, unitId] of input.unitIds.entries()) {
    if (!knownUnits.has(unitId))
      throw new DomainError("NOT_FOUND", "Unit not found", { field: `unitIds.${index}` });
    await authorize(ctx, "playlist.assign", { unitId }, { type: "unit", id: unitId });
  }
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return;
  const people = await ctx.db
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(inArray(users.id, userIds));
  const grants = await ctx.db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(
      and(inArray(roleGrants.userId, userIds), assignableEmployeeGrant(unitScope(ctx, "playlist.assign"))),
    );
  for (const [index, userId] of input.userIds.entries()) {
    const person = people.find((row) => row.id === userId);
    if (!person) throw new DomainError("NOT_FOUND", "Person not found", { field: `userIds.${index}` });
    if (person.status !== ASSIGNABLE_USER_STATUS) {
      throw validationError(`userIds.${index}`, "This account is deactivated", undefined, "user.deactivated");
    }
    if (!grants.some((grant) => grant.userId === userId)) {
      throw await refuseOutsideScope(ctx, {
        permission: "playlist.assign",
        target: { type: "user", id: userId },
        reason: "person is not an employee of the trainer's units",
        message: "Not allowed: this person is not an employee of your units",
        field: `userIds.${index}`,
      });
    }
  }
}
