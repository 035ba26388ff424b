import { recordings, staffMembers } from "@kuulo/db/schema";
import { MAX_RECORDINGS_PER_EXPORT } from "@kuulo/domain/disclosure";
import { DomainError } from "@kuulo/domain/errors";
import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";

export interface AccessRequestCandidate {
  recordingId: string;
  callStartedAt: Date;
  durationMs: number;
  unitId: string;
  staffMember: { id: string; firstName: string; lastName: string; username: string };
  legalHold: boolean;
}

/**
 * Candidate calls for an access request by time window and staff member: the caller's number is not
 * stored (R4, by design), so the officer narrows by when and with whom the customer spoke.
 */
export async function findAccessRequestCandidates({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { from: Date; to: Date; staffMemberId?: string | undefined };
}): Promise<{ candidates: AccessRequestCandidate[]; truncated: boolean }> {
  if (input.to.getTime() < input.from.getTime()) {
    throw new DomainError("VALIDATION", 'Field "to" must not be before "from"', {
      field: "to",
      reason: "window.inverted",
    });
  }
  const scope = unitScope(ctx, "disclosure.create");
  if (!scope.all && scope.unitIds.length === 0) return { candidates: [], truncated: false };
  const conditions = [
    gte(recordings.callStartedAt, input.from),
    lte(recordings.callStartedAt, input.to),
    isNull(recordings.deletedAt),
  ];
  if (!scope.all) conditions.push(inArray(recordings.unitId, scope.unitIds));
  if (input.staffMemberId) conditions.push(eq(recordings.staffMemberId, input.staffMemberId));
  const rows = await ctx.db
    .select({ recording: recordings, staff: staffMembers })
    .from(recordings)
    .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .where(and(...conditions))
    .orderBy(asc(recordings.callStartedAt), asc(recordings.id))
    .limit(MAX_RECORDINGS_PER_EXPORT + 1);
  return {
    truncated: rows.length > MAX_RECORDINGS_PER_EXPORT,
    candidates: rows.slice(0, MAX_RECORDINGS_PER_EXPORT).map(({ recording, staff }) => ({
      recordingId: recording.id,
      callStartedAt: recording.callStartedAt,
      durationMs: recording.durationMs,
      unitId: recording.unitId,
      staffMember: {
        id: staff.id,
        firstName: staff.firstName,
        lastName: staff.lastName,
        username: staff.username,
      },
      legalHold: recording.legalHold,
    })),
  };
}
