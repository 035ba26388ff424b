import { freeText } from "@kuulo/domain/privacy";
import { z } from "zod";

/** Text people type is refused when it carries a customer identifier (R4), naming the field and rule. */
export const PlaylistTitle = freeText({ max: 200 });
export const PlaylistDescription = freeText({ min: 0, max: 4000 });
export const ItemNote = freeText({ min: 0, max: 2000 });

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
  /** Optional calendar day ("YYYY-MM-DD") by which the assignees should have finished. */
  dueOn: z.iso.date().optional(),
});
