import { playlists, recordings } from "@kuulo/db/schema";
import { and, asc, inArray, isNull } from "drizzle-orm";
import { activeDisclosuresOf } from "../recordings/recording-access.js";
import type { AuthedContext } from "../shared/service-context.js";
import type { TrainingRecording } from "./playlist.js";

export interface DisclosedSet {
  disclosureId: string;
  validFrom: string | null;
  validUntil: string | null;
  /** When a whole playlist was disclosed: open it with training.playlist. */
  playlist: { id: string; title: string } | null;
  recordings: TrainingRecording[];
}

/**
 * An external trainer's material (R6a): the recordings (and playlists) of their active training
 * disclosures, only inside each disclosure's validity window. Anyone else simply has none.
 */
export async function disclosedRecordings({
  ctx,
}: {
  ctx: AuthedContext;
}): Promise<{ disclosures: DisclosedSet[] }> {
  const active = await activeDisclosuresOf(ctx.db, ctx.auth.actor, ctx.clock.now());
  const recordingIds = [...new Set(active.flatMap((disclosure) => disclosure.recordingIds))];
  const rows =
    recordingIds.length === 0
      ? []
      : await ctx.db
          .select({
            id: recordings.id,
            callStartedAt: recordings.callStartedAt,
            durationMs: recordings.durationMs,
            peaks: recordings.peaks,
          })
          .from(recordings)
          .where(and(inArray(recordings.id, recordingIds), isNull(recordings.deletedAt)))
          .orderBy(asc(recordings.callStartedAt));
  const playlistIds = [
    ...new Set(active.flatMap((disclosure) => (disclosure.playlistId ? [disclosure.playlistId] : []))),
  ];
  const titles =
    playlistIds.length === 0
      ? []
      : await ctx.db
          .select({ id: playlists.id, title: playlists.title })
          .from(playlists)
          .where(inArray(playlists.id, playlistIds));
  return {
    disclosures: active.map((disclosure) => ({
      disclosureId: disclosure.id,
      validFrom: disclosure.validFrom?.toISOString() ?? null,
      validUntil: disclosure.validUntil?.toISOString() ?? null,
      playlist: titles.find((title) => title.id === disclosure.playlistId) ?? null,
      recordings: rows
        .filter((row) => disclosure.recordingIds.includes(row.id))
        .map((row) => ({
          id: row.id,
          callStartedAt: row.callStartedAt.toISOString(),
          durationMs: row.durationMs,
          hasPeaks: row.peaks !== null,
        })),
    })),
  };
}
