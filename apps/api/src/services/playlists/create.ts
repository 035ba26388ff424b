import { playlists, units } from "@kuulo/db/schema";
import { notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadPlaylistDetail, type PlaylistDetail } from "./playlist-view.js";

export interface CreatePlaylistInput {
  title: string;
  description: string;
  unitId: string;
}

/** A new draft playlist owned by one of the trainer's units. */
export async function createPlaylist({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: CreatePlaylistInput;
}): Promise<PlaylistDetail> {
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
  if (!unit) throw notFound("Unit");
  await authorize(ctx, "playlist.create", { unitId: unit.id }, { type: "unit", id: unit.id });
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [playlist] = await tx
      .insert(playlists)
      .values({
        title: input.title,
        description: input.description,
        unitId: unit.id,
        createdBy: ctx.auth.user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: playlists.id });
    if (!playlist) throw new Error("insert returned nothing");
    await audit(tx, ctx, {
      action: "playlist.create",
      outcome: "success",
      targetType: "playlist",
      targetId: playlist.id,
      details: { unitId: unit.id },
    });
    return playlist.id;
  });
  return loadPlaylistDetail(ctx.db, id);
}
