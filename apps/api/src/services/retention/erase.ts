import { recordings } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { inArray } from "drizzle-orm";
import { journalOf } from "../../backup/journal-of.js";
import { purgeRecording } from "../../jobs/purge-recording.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { storeOf } from "./store-of.js";

/**
 * Early erasure under GDPR Art. 17 (R13) of specific recordings, with a reason: the same removal as the
 * purge (row, wrapped key, object; tombstone without personal data). Refused under legal hold.
 */
export async function eraseRecordings({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { recordingIds: string[]; reason: string };
}): Promise<{ erased: string[] }> {
  const rows = await ctx.db
    .select({ id: recordings.id, unitId: recordings.unitId, legalHold: recordings.legalHold })
    .from(recordings)
    .where(inArray(recordings.id, input.recordingIds));
  for (const [index, id] of input.recordingIds.entries()) {
    const row = rows.find((candidate) => candidate.id === id);
    if (!row) {
      throw new DomainError("NOT_FOUND", `Recording ${id} does not exist or has been erased`, {
        field: `recordingIds.${index}`,
        reason: "recording.not_found",
      });
    }
    await authorize(ctx, "recording.erase", { unitId: row.unitId }, { type: "recording", id });
    if (row.legalHold) {
      throw new DomainError("CONFLICT", `Recording ${id} is under legal hold and cannot be erased (R13)`, {
        field: `recordingIds.${index}`,
        rule: "R13",
        reason: "recording.legal_hold",
      });
    }
  }
  const store = storeOf(ctx);
  const erased: string[] = [];
  for (const id of input.recordingIds) {
    const purged = await purgeRecording(ctx.db, {
      recordingId: id,
      now: ctx.clock.now(),
      reason: "erasure",
      requireDue: false,
      note: input.reason,
      journal: journalOf(ctx),
      actor: {
        actorType: "user",
        actorId: ctx.auth.user.id,
        actorLabel: ctx.auth.user.username,
        ip: ctx.request.ip,
      },
    });
    if (!purged) {
      throw new DomainError(
        "CONFLICT",
        `Recording ${id} is being removed or was placed under hold meanwhile`,
        {
          field: "recordingIds",
          rule: "R13",
          reason: "recording.busy",
        },
      );
    }
    erased.push(id);
    try {
      await store.deleteObject(purged.storageKey);
    } catch (error) {
      ctx.log.warn(
        { err: error, recordingId: id },
        "erased recording's object not deleted; reconcile removes it",
      );
    }
  }
  return { erased };
}
