import { sql } from "drizzle-orm";
import { check, integer, pgTable, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns.js";
import { retentionCategoryEnum } from "./enums.js";
import { users } from "./users.js";

/** R13: the configured retention period per category; defaults are documented in the domain. */
export const retentionSettings = pgTable(
  "retention_settings",
  {
    category: retentionCategoryEnum("category").primaryKey(),
    periodDays: integer("period_days").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [check("retention_settings_period_positive", sql`${t.periodDays} > 0`)],
);

export type RetentionSetting = typeof retentionSettings.$inferSelect;
export type NewRetentionSetting = typeof retentionSettings.$inferInsert;
