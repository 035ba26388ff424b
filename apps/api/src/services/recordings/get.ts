import { notFound } from "@kuulo/domain/errors";
import { audit } from "../shared/audit.js";
import { refuseOutsideScope } from "../shared/refuse-outside-scope.js";
import type { AuthedContext } from "../shared/service-context.js";
import { decideRecordingAccess } from "./recording-access.js";
import { loadRecordingDetail, type RecordingDetailView } from "./recording-view.js";

/**
 * One recording's metadata. A missing or purged id is NOT_FOUND; an existing recording outside the
 * caller's scope is FORBIDDEN (audited as a denial), the same as every other object-level check here.
 * A successful view is audited as a `recording.read` of that recording.
 */
export async function getRecording({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { recordingId: string };
}): Promise<RecordingDetailView> {
  const loaded = await loadRecordingDetail(ctx.db, input.recordingId);
  if (!loaded || loaded.deleted) throw notFound("Recording");
  const { view, organisationId } = loaded;
  const reach = await decideRecordingAccess(ctx.db, ctx.auth.actor, "recording.read", {
    id: view.id,
    unitId: view.unit.id,
    organisationId,
    staffMemberId: view.staffMember.id,
    durationMs: view.durationMs,
  });
  if (!reach.allowed) {
    throw await refuseOutsideScope(ctx, {
      permission: "recording.read",
      target: { type: "recording", id: view.id },
      reason: reach.decision.reason,
    });
  }
  await audit(ctx.db, ctx, {
    action: "recording.read",
    targetType: "recording",
    targetId: view.id,
    outcome: "success",
    details: { view: "metadata" },
  });
  return view;
}
