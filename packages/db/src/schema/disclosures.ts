import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./bytea.js";
import { createdAt, id, timestamptz } from "./columns.js";
import { disclosureKindEnum, disclosureStatusEnum } from "./enums.js";
import { recordings } from "./recordings.js";
import { users } from "./users.js";

/**
 * R6: a disclosure is an explicit, recorded object. Kind-specific fields (trainer, NDA, authority, legal
 * basis, case reference, …) live in `fields`, validated by the domain; the columns the database must
 * query or constrain are typed. R7: the recipient country is checked against the EU/EEA by the domain.
 */
export const disclosures = pgTable(
  "disclosures",
  {
    id: id(),
    kind: disclosureKindEnum("kind").notNull(),
    status: disclosureStatusEnum("status").notNull().default("draft"),
    preparedBy: uuid("prepared_by").references(() => users.id, { onDelete: "set null" }),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamptz("approved_at"),
    fields: jsonb("fields").$type<Record<string, unknown>>().notNull(),
    recipientCountry: text("recipient_country").notNull(),
    validFrom: timestamptz("valid_from"),
    validUntil: timestamptz("valid_until"),
    /** The external trainer's account for a training disclosure (streaming-only access). */
    externalUserId: uuid("external_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    revokedAt: timestamptz("revoked_at"),
    closedAt: timestamptz("closed_at"),
  },
  (t) => [
    index("disclosures_status_idx").on(t.status),
    index("disclosures_external_user_id_idx").on(t.externalUserId),
    check("disclosures_country_iso", sql`${t.recipientCountry} ~ '^[A-Z]{2}$'`),
    check(
      "disclosures_validity_window",
      sql`${t.validUntil} is null or ${t.validFrom} is null or ${t.validUntil} > ${t.validFrom}`,
    ),
    check(
      "disclosures_four_eyes",
      sql`${t.approvedBy} is null or ${t.preparedBy} is null or ${t.approvedBy} <> ${t.preparedBy}`,
    ),
  ],
);

export const disclosureRecordings = pgTable(
  "disclosure_recordings",
  {
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
    recordingId: uuid("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "disclosure_recordings_pk", columns: [t.disclosureId, t.recordingId] }),
    index("disclosure_recordings_recording_id_idx").on(t.recordingId),
  ],
);

/** R6(b)/(c): the one export package of a statutory or access-request disclosure. */
export const exportPackages = pgTable(
  "export_packages",
  {
    id: id(),
    disclosureId: uuid("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "restrict" }),
    storageKey: text("storage_key").notNull(),
    /** The package's data key wrapped by the master key; nulled when the case closes (crypto-erase). */
    wrappedDataKey: bytea("wrapped_data_key"),
    keyId: text("key_id"),
    sha256: text("sha256").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    downloadTokenHash: text("download_token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    downloadedAt: timestamptz("downloaded_at"),
  },
  (t) => [
    uniqueIndex("export_packages_disclosure_id_unique").on(t.disclosureId),
    uniqueIndex("export_packages_download_token_hash_unique").on(t.downloadTokenHash),
    check("export_packages_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * R13: a hold suspends retention. Triggers (migration `recording_legal_hold_guard`) keep
 * `recordings.legal_hold` equal to "has an unreleased hold" and refuse to delete a held recording; released
 * holds go with a purged recording (their history stays in the audit log).
 */
export const legalHolds = pgTable(
  "legal_holds",
  {
    id: id(),
    recordingId: uuid("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
    disclosureId: uuid("disclosure_id").references(() => disclosures.id, { onDelete: "restrict" }),
    reason: text("reason").notNull(),
    /** The matter the hold serves (court or authority case number), as the privacy officer wrote it. */
    caseReference: text("case_reference"),
    placedBy: uuid("placed_by").references(() => users.id, { onDelete: "set null" }),
    placedAt: timestamptz("placed_at").notNull().defaultNow(),
    releasedBy: uuid("released_by").references(() => users.id, { onDelete: "set null" }),
    releasedAt: timestamptz("released_at"),
  },
  (t) => [
    index("legal_holds_recording_id_idx").on(t.recordingId),
    index("legal_holds_disclosure_id_idx").on(t.disclosureId),
  ],
);

export type Disclosure = typeof disclosures.$inferSelect;
export type NewDisclosure = typeof disclosures.$inferInsert;
export type DisclosureRecording = typeof disclosureRecordings.$inferSelect;
export type NewDisclosureRecording = typeof disclosureRecordings.$inferInsert;
export type ExportPackage = typeof exportPackages.$inferSelect;
export type NewExportPackage = typeof exportPackages.$inferInsert;
export type LegalHold = typeof legalHolds.$inferSelect;
export type NewLegalHold = typeof legalHolds.$inferInsert;
