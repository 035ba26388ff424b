import { legalHolds, recordings } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { eq, inArray } from "drizzle-orm";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { releaseHolds } from "./hold-recordings.js";

/**
 * Releases manual legal holds (R13); each recording's normal due date comes back from computeRetention.
 * A hold placed by a statutory or access-request disclosure ends only when that case is closed.
 */
export async function releaseLegalHold({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { holdIds: string[]; reason: string };
}): Promise<{ released: { id: string; recordingId: string }[] }> {
  const rows = await ctx.db
    .select({ hold: legalHolds, unitId: recordings.unitId })
    .from(legalHolds)
    .innerJoin(recordings, eq(recordings.id, legalHolds.recordingId))
    .where(inArray(legalHolds.id, input.holdIds));
  for (const [index, id] of input.holdIds.entries()) {
    const row = rows.find((candidate) => candidate.hold.id === id);
    if (!row || row.hold.releasedAt) {
      throw new DomainError("NOT_FOUND", `Legal hold ${id} does not exist or is released already`, {
        field: `holdIds.${index}`,
        reason: "legal_hold.not_found",
      });
    }
    await authorize(
      ctx,
      "legal_hold.release",
      { unitId: row.unitId },
      { type: "recording", id: row.hold.recordingId },
    );
    if (row.hold.disclosureId) {
      throw new DomainError(
        "CONFLICT",
        `Legal hold ${id} belongs to a disclosure: close the case to release it (R6, R13)`,
        {
          field: `holdIds.${index}`,
          rule: "R13",
          reason: "legal_hold.owned_by_disclosure",
        },
      );
    }
  }
  const released = await ctx.db.transaction((tx) =>
    releaseHolds(tx, ctx, { holdIds: input.holdIds, by: ctx.auth.user.id, reason: input.reason }),
  );
  return { released };
}
