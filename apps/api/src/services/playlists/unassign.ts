import { playlistAssignments } from "@kuulo/db/schema";
import { validationError } from "@kuulo/domain/errors";
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import type { AssignmentTargetsInput } from "./assignment-targets.js";
import { loadPlaylistInScope } from "./load-playlist.js";
import { loadPlaylistDetail, type PlaylistDetail } from "./playlist-view.js";

/** Removes assignments of a playlist in the trainer's units; listeners' progress stays (it is theirs). */
export async function unassignPlaylist({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: AssignmentTargetsInput;
}): Promise<PlaylistDetail> {
  if (input.unitIds.length === 0 && input.userIds.length === 0) {
    throw validationError("unitIds", "Choose at least one unit or person");
  }
  const playlist = await loadPlaylistInScope(ctx, "playlist.assign", input.playlistId);
  const targets: SQL[] = [];
  if (input.unitIds.length > 0) targets.push(inArray(playlistAssignments.unitId, input.unitIds));
  if (input.userIds.length > 0) targets.push(inArray(playlistAssignments.userId, input.userIds));
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(playlistAssignments)
      .where(and(eq(playlistAssignments.playlistId, playlist.id), or(...targets)))
      .returning({ unitId: playlistAssignments.unitId, userId: playlistAssignments.userId });
    if (removed.length === 0) return;
    await audit(tx, ctx, {
      action: "playlist.unassign",
      outcome: "success",
      targetType: "playlist",
      targetId: playlist.id,
      details: {
        unitIds: removed.flatMap((row) => (row.unitId ? [row.unitId] : [])),
        userIds: removed.flatMap((row) => (row.userId ? [row.userId] : [])),
      },
    });
  });
  return loadPlaylistDetail(ctx.db, playlist.id);
}
