import { legalHolds, recordings, staffMembers, users } from "@kuulo/db/schema";
import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";

export interface LegalHoldView {
  id: string;
  recordingId: string;
  /** Who took the held call and when, so people name the recording instead of reading its id. */
  recording: { callStartedAt: Date; durationMs: number; staffName: string };
  disclosureId: string | null;
  reason: string;
  caseReference: string | null;
  placedBy: string | null;
  placedAt: Date;
  releasedAt: Date | null;
}

/** Legal holds on recordings in the actor's units, newest first; open ones only unless asked. */
export async function findLegalHolds({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { recordingId?: string | undefined; includeReleased: boolean; limit: number };
}): Promise<{ items: LegalHoldView[] }> {
  const scope = unitScope(ctx, "retention.read");
  if (!scope.all && scope.unitIds.length === 0) return { items: [] };
  const conditions: SQL[] = [];
  if (!scope.all) conditions.push(inArray(recordings.unitId, scope.unitIds));
  if (input.recordingId) conditions.push(eq(legalHolds.recordingId, input.recordingId));
  if (!input.includeReleased) conditions.push(isNull(legalHolds.releasedAt));
  const rows = await ctx.db
    .select({
      hold: legalHolds,
      placedBy: users.username,
      callStartedAt: recordings.callStartedAt,
      durationMs: recordings.durationMs,
      staffFirstName: staffMembers.firstName,
      staffLastName: staffMembers.lastName,
    })
    .from(legalHolds)
    .innerJoin(recordings, eq(recordings.id, legalHolds.recordingId))
    .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .leftJoin(users, eq(users.id, legalHolds.placedBy))
    .where(and(...conditions))
    .orderBy(desc(legalHolds.placedAt), desc(legalHolds.id))
    .limit(input.limit);
  return {
    items: rows.map(({ hold, placedBy, callStartedAt, durationMs, staffFirstName, staffLastName }) => ({
      id: hold.id,
      recordingId: hold.recordingId,
      recording: { callStartedAt, durationMs, staffName: `${staffFirstName} ${staffLastName}` },
      disclosureId: hold.disclosureId,
      reason: hold.reason,
      caseReference: hold.caseReference,
      placedBy,
      placedAt: hold.placedAt,
      releasedAt: hold.releasedAt,
    })),
  };
}
