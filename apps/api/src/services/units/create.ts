import { organisations, units } from "@kuulo/db/schema";
import { conflict, notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import { pgErrorCode, UNIQUE_VIOLATION } from "../shared/db-errors.js";
import type { AuthedContext } from "../shared/service-context.js";
import { toUnitView, type UnitView } from "./unit-view.js";

export interface CreateUnitInput {
  organisationId: string;
  code: string;
  name: string;
  parentId: string | null;
}

/** A unit-scoped administrator may add sub-units under their own unit; top-level units need all units. */
export async function createUnit({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: CreateUnitInput;
}): Promise<UnitView> {
  const [organisation] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw notFound("Organisation");
  if (input.parentId) {
    const [parent] = await ctx.db.select().from(units).where(eq(units.id, input.parentId));
    if (!parent) throw notFound("Parent unit");
    if (parent.organisationId !== input.organisationId) {
      throw conflict("The parent unit belongs to another organisation", {
        field: "parentId",
        reason: "unit.parent_organisation",
      });
    }
  }
  await authorize(ctx, "unit.create", { unitId: input.parentId }, { type: "unit", id: input.parentId });
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [unit] = await tx
        .insert(units)
        .values({ ...input, createdAt: now })
        .returning();
      if (!unit) throw new Error("insert returned nothing");
      await audit(tx, ctx, {
        action: "unit.create",
        outcome: "success",
        targetType: "unit",
        targetId: unit.id,
        details: { code: unit.code, name: unit.name, parentId: unit.parentId },
      });
      return toUnitView(unit);
    });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      throw conflict("A unit with this code exists already", { field: "code", reason: "unit.code_taken" });
    }
    throw error;
  }
}
