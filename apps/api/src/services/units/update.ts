import { units } from "@kuulo/db/schema";
import { conflict, notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import { pgErrorCode, UNIQUE_VIOLATION } from "../shared/db-errors.js";
import type { AuthedContext } from "../shared/service-context.js";
import { toUnitView, type UnitView } from "./unit-view.js";

export interface UpdateUnitInput {
  unitId: string;
  code?: string | undefined;
  name?: string | undefined;
}

export async function updateUnit({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: UpdateUnitInput;
}): Promise<UnitView> {
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, input.unitId));
  if (!unit) throw notFound("Unit");
  await authorize(ctx, "unit.update", { unitId: unit.id }, { type: "unit", id: unit.id });
  const changes = {
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
  };
  try {
    return await ctx.db.transaction(async (tx) => {
      const [updated] = await tx.update(units).set(changes).where(eq(units.id, unit.id)).returning();
      if (!updated) throw notFound("Unit");
      await audit(tx, ctx, {
        action: "unit.update",
        outcome: "success",
        targetType: "unit",
        targetId: unit.id,
        details: { before: { code: unit.code, name: unit.name }, after: changes },
      });
      return toUnitView(updated);
    });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      throw conflict("A unit with this code exists already", { field: "code", reason: "unit.code_taken" });
    }
    throw error;
  }
}
