import { playlistAssignments } from "@kuulo/db/schema";
import { validationError } from "@kuulo/domain/errors";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type AssignmentTargetsInput, checkAssignmentTargets } from "./assignment-targets.js";
import { loadPlaylistInScope } from "./load-playlist.js";
import { loadPlaylistDetail, type PlaylistDetail } from "./playlist-view.js";

/** Assigns the playlist to units and/or named employees; existing assignments are left as they are. */
export async function assignPlaylist({
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
  await checkAssignmentTargets(ctx, input);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const values = [
      ...[...new Set(input.unitIds)].map((unitId) => ({ unitId, userId: null })),
      ...[...new Set(input.userIds)].map((userId) => ({ unitId: null, userId })),
    ].map((target) => ({
      ...target,
      playlistId: playlist.id,
      assignedBy: ctx.auth.user.id,
      assignedAt: now,
      dueOn: input.dueOn ?? null,
    }));
    const inserted = await tx
      .insert(playlistAssignments)
      .values(values)
      .onConflictDoNothing()
      .returning({ unitId: playlistAssignments.unitId, userId: playlistAssignments.userId });
    if (inserted.length === 0) return;
    await audit(tx, ctx, {
      action: "playlist.assign",
      outcome: "success",
      targetType: "playlist",
      targetId: playlist.id,
      details: {
        unitIds: inserted.flatMap((row) => (row.unitId ? [row.unitId] : [])),
        userIds: inserted.flatMap((row) => (row.userId ? [row.userId] : [])),
        ...(input.dueOn ? { dueOn: input.dueOn } : {}),
      },
    });
  });
  return loadPlaylistDetail(ctx.db, playlist.id);
}
