import { decodeRecordingCursor, listRecordingsPage } from "@kuulo/db/queries";
import { units } from "@kuulo/db/schema";
import { validationError } from "@kuulo/domain/errors";
import { inArray } from "drizzle-orm";
import { recordingScopeOf } from "../recordings/recording-access.js";
import type { AuthedContext } from "../shared/service-context.js";

export interface MyCallsInput {
  callStartedFrom?: string | undefined;
  callStartedBefore?: string | undefined;
  after?: string | undefined;
  limit: number;
}

export interface MyCall {
  id: string;
  callStartedAt: string;
  durationMs: number;
  unitId: string;
  unitName: string;
  hasPeaks: boolean;
}

function decodeCursor(value: string) {
  try {
    return decodeRecordingCursor(value);
  } catch {
    throw validationError("after", "Not a page cursor");
  }
}

/**
 * My own calls (R2: individual training), via users.staff_member_id, newest first, keyset-paginated,
 * inside the one recording scope: a person without the "own" relation (e.g. a trainer who is also a
 * staff member) sees them only where the scope otherwise reaches (their units).
 */
export async function myCalls({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: MyCallsInput;
}): Promise<{ items: MyCall[]; nextCursor: string | null }> {
  const staffMemberId = ctx.auth.actor.staffMemberId;
  if (!staffMemberId) return { items: [], nextCursor: null };
  const page = await listRecordingsPage(ctx.db, {
    scope: recordingScopeOf(ctx.auth.actor, "recording.read"),
    staffMemberId,
    ...(input.callStartedFrom ? { callStartedFrom: new Date(input.callStartedFrom) } : {}),
    ...(input.callStartedBefore ? { callStartedBefore: new Date(input.callStartedBefore) } : {}),
    ...(input.after ? { after: decodeCursor(input.after) } : {}),
    limit: input.limit,
  });
  const unitIds = [...new Set(page.items.map((recording) => recording.unitId))];
  const names =
    unitIds.length === 0
      ? []
      : await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds));
  return {
    items: page.items.map((recording) => ({
      id: recording.id,
      callStartedAt: recording.callStartedAt.toISOString(),
      durationMs: recording.durationMs,
      unitId: recording.unitId,
      unitName: names.find((unit) => unit.id === recording.unitId)?.name ?? "",
      hasPeaks: recording.peaks !== null,
    })),
    nextCursor: page.nextCursor,
  };
}
