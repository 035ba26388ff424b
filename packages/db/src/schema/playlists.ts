import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./columns.js";
import { playlistStatusEnum } from "./enums.js";
import { units } from "./organisations.js";
import { recordings } from "./recordings.js";
import { users } from "./users.js";

/** A curated training playlist (R2: recordings are reached through training paths). Owned by a unit. */
export const playlists = pgTable(
  "playlists",
  {
    id: id(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    status: playlistStatusEnum("status").notNull().default("draft"),
    publishedAt: timestamptz("published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("playlists_unit_id_idx").on(t.unitId),
    check(
      "playlists_published_consistent",
      sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`,
    ),
  ],
);

/**
 * An item points at a clip of a recording. When the recording is purged (R13) the reference becomes null
 * and `removed_reason` says why, so the playlist keeps its shape.
 */
export const playlistItems = pgTable(
  "playlist_items",
  {
    id: id(),
    playlistId: uuid("playlist_id")
      .notNull()
      .references(() => playlists.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    recordingId: uuid("recording_id").references(() => recordings.id, { onDelete: "set null" }),
    removedReason: text("removed_reason"),
    clipStartMs: integer("clip_start_ms").notNull().default(0),
    clipEndMs: integer("clip_end_ms"),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    // Not unique: reordering rewrites positions row by row inside one transaction.
    index("playlist_items_playlist_position_idx").on(t.playlistId, t.position),
    index("playlist_items_recording_id_idx").on(t.recordingId),
    check("playlist_items_position_non_negative", sql`${t.position} >= 0`),
    check(
      "playlist_items_clip_window",
      sql`${t.clipStartMs} >= 0 and (${t.clipEndMs} is null or ${t.clipEndMs} > ${t.clipStartMs})`,
    ),
  ],
);

/** Who must take a playlist: a whole unit or one user, exactly one of the two. */
export const playlistAssignments = pgTable(
  "playlist_assignments",
  {
    id: id(),
    playlistId: uuid("playlist_id")
      .notNull()
      .references(() => playlists.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id").references(() => units.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
    assignedAt: timestamptz("assigned_at").notNull().defaultNow(),
    /** Optional calendar day by which the playlist should be completed (a day, not an instant: no time zone). */
    dueOn: date("due_on", { mode: "string" }),
  },
  (t) => [
    check("playlist_assignments_one_target", sql`num_nonnulls(${t.unitId}, ${t.userId}) = 1`),
    uniqueIndex("playlist_assignments_unit_unique")
      .on(t.playlistId, t.unitId)
      .where(sql`${t.unitId} is not null`),
    uniqueIndex("playlist_assignments_user_unique")
      .on(t.playlistId, t.userId)
      .where(sql`${t.userId} is not null`),
    index("playlist_assignments_unit_id_idx").on(t.unitId),
    index("playlist_assignments_user_id_idx").on(t.userId),
  ],
);

/** Played intervals in milliseconds, merged, so "completed" can mean most of the clip was actually heard. */
export type PlayedInterval = [startMs: number, endMs: number];

export const listeningProgress = pgTable(
  "listening_progress",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    playlistItemId: uuid("playlist_item_id")
      .notNull()
      .references(() => playlistItems.id, { onDelete: "cascade" }),
    listenedMs: integer("listened_ms").notNull().default(0),
    maxPositionMs: integer("max_position_ms").notNull().default(0),
    /** Where the player was last (resume point), which may be behind max_position_ms after seeking back. */
    positionMs: integer("position_ms").notNull().default(0),
    playedIntervals: jsonb("played_intervals").$type<PlayedInterval[]>().notNull().default(sql`'[]'::jsonb`),
    completedAt: timestamptz("completed_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("listening_progress_user_item_unique").on(t.userId, t.playlistItemId),
    index("listening_progress_playlist_item_id_idx").on(t.playlistItemId),
    check("listening_progress_non_negative", sql`${t.listenedMs} >= 0 and ${t.maxPositionMs} >= 0`),
  ],
);

export type Playlist = typeof playlists.$inferSelect;
export type NewPlaylist = typeof playlists.$inferInsert;
export type PlaylistItem = typeof playlistItems.$inferSelect;
export type NewPlaylistItem = typeof playlistItems.$inferInsert;
export type PlaylistAssignment = typeof playlistAssignments.$inferSelect;
export type NewPlaylistAssignment = typeof playlistAssignments.$inferInsert;
export type ListeningProgress = typeof listeningProgress.$inferSelect;
export type NewListeningProgress = typeof listeningProgress.$inferInsert;
