import { organisations, units } from "@kuulo/db/schema";
import { asc, inArray } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type OrganisationView, toOrganisationView } from "./organisation-view.js";

/** All organisations for an all-units administrator; otherwise those owning the actor's units. */
export async function findOrganisations({
  ctx,
}: {
  ctx: AuthedContext;
  input?: undefined;
}): Promise<OrganisationView[]> {
  const scope = unitScope(ctx, "organisation.read");
  const now = ctx.clock.now();
  if (scope.all) {
    const rows = await ctx.db
      .select()
      .from(organisations)
      .orderBy(asc(organisations.kind), asc(organisations.name));
    return rows.map((row) => toOrganisationView(row, now));
  }
  if (scope.unitIds.length === 0) return [];
  const owning = ctx.db
    .select({ id: units.organisationId })
    .from(units)
    .where(inArray(units.id, scope.unitIds));
  const rows = await ctx.db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, owning))
    .orderBy(asc(organisations.kind), asc(organisations.name));
  return rows.map((row) => toOrganisationView(row, now));
}
