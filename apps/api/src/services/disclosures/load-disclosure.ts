import type { DbOrTx } from "@kuulo/db/client";
import { type Disclosure, disclosureRecordings, disclosures, recordings } from "@kuulo/db/schema";
import type { Permission } from "@kuulo/domain/access";
import { DomainError } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";

/**
 * Loads a disclosure for an officer: every recording it names must lie within the officer's units
 * (a unit-scoped privacy officer never sees another unit's disclosure). `forUpdate` locks the row.
 */
export async function loadDisclosureInScope(
  ctx: AuthedContext,
  db: DbOrTx,
  disclosureId: string,
  permission: Permission,
  options: { forUpdate?: boolean } = {},
): Promise<Disclosure> {
  const query = db.select().from(disclosures).where(eq(disclosures.id, disclosureId));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) {
    throw new DomainError("NOT_FOUND", "No such disclosure", {
      field: "disclosureId",
      reason: "disclosure.not_found",
    });
  }
  const units = await db
    .selectDistinct({ unitId: recordings.unitId })
    .from(disclosureRecordings)
    .innerJoin(recordings, eq(recordings.id, disclosureRecordings.recordingId))
    .where(eq(disclosureRecordings.disclosureId, disclosureId));
  if (units.length === 0) {
    await authorize(ctx, permission, { unitId: null }, { type: "disclosure", id: disclosureId });
  }
  for (const { unitId } of units) {
    await authorize(ctx, permission, { unitId }, { type: "disclosure", id: disclosureId });
  }
  return row;
}
