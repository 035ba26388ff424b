import { loadSelectedRecordings } from "../disclosures/load-disclosed-recordings.js";
import type { AuthedContext } from "../shared/service-context.js";
import { placeHolds } from "./hold-recordings.js";

/** Places a legal hold on recordings (R13): purge and erasure are blocked until it is released. */
export async function placeLegalHold({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { recordingIds: string[]; reason: string; caseReference?: string | undefined };
}): Promise<{ holds: { id: string; recordingId: string }[] }> {
  await loadSelectedRecordings(ctx, ctx.db, input.recordingIds, "legal_hold.place");
  const holds = await ctx.db.transaction((tx) =>
    placeHolds(tx, ctx, {
      recordingIds: input.recordingIds,
      disclosureId: null,
      reason: input.reason,
      caseReference: input.caseReference ?? null,
      by: ctx.auth.user.id,
    }),
  );
  return { holds };
}
