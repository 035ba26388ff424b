import { type RecordingScope, recordingScopeCondition } from "@kuulo/db/queries";
import { recordings } from "@kuulo/db/schema";
import { scopeOf } from "@kuulo/domain/access";
import { notFound } from "@kuulo/domain/errors";
import { and, eq, sql } from "drizzle-orm";
import type { AuthedContext } from "../../trpc/procedures.js";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import { readableRecordingScope } from "./recording-filters.js";
import { loadRecordingDetail, type RecordingDetailView } from "./recording-view.js";

/** Whether the recording is reachable through one relation part of the scope (assigned or disclosed). */
async function reachableThrough(
  ctx: AuthedContext,
  recordingId: string,
  scope: RecordingScope,
): Promise<boolean> {
  const condition = recordingScopeCondition(ctx.db, scope);
  if (condition === "nothing") return false;
  const rows = await ctx.db
    .select({ one: sql`1` })
    .from(recordings)
    .where(and(eq(recordings.id, recordingId), condition))
    .limit(1);
  return rows.length > 0;
}

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
  const relations = scopeOf(ctx.auth.actor, "recording.read").relations;
  const full = await readableRecordingScope(ctx);
  const relationFacts = full.all
    ? {}
    : {
        assignedToActor:
          relations.includes("assigned") &&
          (await reachableThrough(ctx, view.id, {
            all: false,
            unitIds: [],
            staffMemberIds: [],
            assignedTo: full.assignedTo,
          })),
        disclosedToActor:
          relations.includes("disclosed") &&
          (await reachableThrough(ctx, view.id, {
            all: false,
            unitIds: [],
            staffMemberIds: [],
            disclosureIds: full.disclosureIds,
          })),
      };
  await authorize(
    ctx,
    "recording.read",
    { unitId: view.unit.id, organisationId, ownerStaffMemberId: view.staffMember.id, ...relationFacts },
    { type: "recording", id: view.id },
  );
  await audit(ctx.db, ctx, {
    action: "recording.read",
    targetType: "recording",
    targetId: view.id,
    outcome: "success",
    details: { view: "metadata" },
  });
  return view;
}
