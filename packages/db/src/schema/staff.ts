import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { units } from "./organisations.js";
import { users } from "./users.js";

/**
 * R3: the register's staff data is exactly first name, last name, username and phone number (the call
 * time lives on the recording). Do not add personal columns here.
 */
export const staffMembers = pgTable(
  "staff_members",
  {
    id: id(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    username: text("username").notNull(),
    phoneNumber: text("phone_number"),
    unitId: uuid("unit_id").references(() => units.id, { onDelete: "set null" }),
    userId: uuid("user_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("staff_members_username_unique").on(t.username),
    uniqueIndex("staff_members_user_id_unique").on(t.userId),
    index("staff_members_unit_id_idx").on(t.unitId),
    check("staff_members_username_lower_case", sql`${t.username} = lower(${t.username})`),
  ],
);

export type StaffMember = typeof staffMembers.$inferSelect;
export type NewStaffMember = typeof staffMembers.$inferInsert;
