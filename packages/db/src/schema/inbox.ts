import { pgTable, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns.js";
import { users } from "./users.js";

/** When a person last opened their inbox: items that are news ("since last look") are newer than this. */
export const inboxLastSeen = pgTable("inbox_last_seen", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  seenAt: timestamptz("seen_at").notNull(),
});

export type InboxLastSeen = typeof inboxLastSeen.$inferSelect;
