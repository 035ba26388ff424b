import { units } from "@kuulo/db/schema";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { toUnitView, type UnitView } from "./unit-view.js";

/** The units the actor administers (all of them with an all-units grant). Units are few: no paging. */
export async function findUnits({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { organisationId?: string | undefined };
}): Promise<UnitView[]> {
  const scope = unitScope(ctx, "unit.read");
  const conditions: SQL[] = [];
  if (!scope.all) conditions.push(inArray(units.id, scope.unitIds));
  if (input.organisationId) conditions.push(eq(units.organisationId, input.organisationId));
  const rows = await ctx.db
    .select()
    .from(units)
    .where(and(...conditions))
    .orderBy(asc(units.code));
  return rows.map(toUnitView);
}
