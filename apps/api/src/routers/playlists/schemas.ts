import { z } from "zod";

/** Free text is checked for customer identifiers (R4) in the services, so the error names the field and rule. */
export const PlaylistTitle = z.string().trim().min(1, "Required").max(200);
export const PlaylistDescription = z.string().trim().max(4000);
export const ItemNote = z.string().trim().max(2000);

export const PlaylistId = z.object({ playlistId: z.uuid("Not a playlist id") });

export const MAX_PLAYLIST_ITEMS = 100;

/**
 * One item of the whole ordered list. `itemId` keeps an existing item (and its listeners' progress); an
 * item removed under retention can only be kept (recordingId null with its itemId), never added.
 */
export const PlaylistItemInput = z.object({
  itemId: z.uuid("Not a playlist item id").optional(),
  recordingId: z.uuid("Not a recording id").nullable(),
  clipStartMs: z.number().int().min(0).default(0),
  clipEndMs: z.number().int().positive().nullable(),
  note: ItemNote.default(""),
});

export const AssignmentTargets = PlaylistId.extend({
  unitIds: z.array(z.uuid("Not a unit id")).max(100).default([]),
  userIds: z.array(z.uuid("Not a user id")).max(500).default([]),
});
