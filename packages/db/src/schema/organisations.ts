import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz } from "./columns.js";
import { organisationKindEnum } from "./enums.js";

/**
 * R9: every account belongs to the controller or to a processor acting on its behalf under an agreement.
 * Exactly one controller: enforced by a partial unique index on kind.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    kind: organisationKindEnum("kind").notNull(),
    name: text("name").notNull(),
    businessId: text("business_id").notNull(),
    country: text("country").notNull(),
    agreementReference: text("agreement_reference"),
    agreementValidFrom: timestamptz("agreement_valid_from"),
    agreementValidUntil: timestamptz("agreement_valid_until"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organisations_single_controller").on(t.kind).where(sql`${t.kind} = 'controller'`),
    uniqueIndex("organisations_business_id_unique").on(t.businessId),
    check("organisations_country_iso", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check(
      "organisations_processor_agreement",
      sql`${t.kind} = 'controller' or (${t.agreementReference} is not null and ${t.agreementValidFrom} is not null)`,
    ),
    check(
      "organisations_agreement_window",
      sql`${t.agreementValidUntil} is null or ${t.agreementValidUntil} >= ${t.agreementValidFrom}`,
    ),
  ],
);

/** Organisational units scope access (R10); `parent_id` forms a tree. */
export const units = pgTable(
  "units",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => units.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("units_code_unique").on(t.code),
    index("units_parent_id_idx").on(t.parentId),
    index("units_organisation_id_idx").on(t.organisationId),
    check("units_not_own_parent", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type Unit = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;
