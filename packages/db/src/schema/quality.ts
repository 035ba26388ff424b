import {
  type AnswerValue,
  DISPUTE_STATUSES,
  FORM_VERSION_STATUSES,
  type FormContent,
  MOMENT_KINDS,
} from "@kuulo/domain/quality";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz } from "./columns.js";
import { organisations, units } from "./organisations.js";
import { recordings } from "./recordings.js";
import { staffMembers } from "./staff.js";
import { users } from "./users.js";

export const formVersionStatusEnum = pgEnum("quality_form_version_status", FORM_VERSION_STATUSES);
export const momentKindEnum = pgEnum("quality_moment_kind", MOMENT_KINDS);
export const disputeStatusEnum = pgEnum("quality_dispute_status", DISPUTE_STATUSES);

/** One stored answer, with the fraction the domain's scoring gave it (null = N/A), for reports. */
export interface StoredAnswer {
  criterionKey: string;
  value: AnswerValue;
  fraction: number | null;
  comment?: string;
}

/**
 * The installation's quality-review switch (one row; absent = the domain's default, off). While off the
 * register does not declare quality data and every quality procedure refuses.
 */
export const qualitySettings = pgTable(
  "quality_settings",
  {
    singleton: boolean("singleton").primaryKey().default(true),
    enabled: boolean("enabled").notNull(),
    retentionDays: integer("retention_days").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("quality_settings_singleton", sql`${t.singleton}`),
    check("quality_settings_retention_positive", sql`${t.retentionDays} > 0`),
  ],
);

/** An evaluation form (scorecard); its questions live in versions. */
export const qualityForms = pgTable("quality_forms", {
  id: id(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "restrict" }),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

/** Immutable once published: an evaluation keeps the exact version it was answered with. */
export const qualityFormVersions = pgTable(
  "quality_form_versions",
  {
    id: id(),
    formId: uuid("form_id")
      .notNull()
      .references(() => qualityForms.id, { onDelete: "restrict" }),
    version: integer("version").notNull(),
    status: formVersionStatusEnum("status").notNull().default("draft"),
    content: jsonb("content").$type<FormContent>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    publishedAt: timestamptz("published_at"),
    retiredAt: timestamptz("retired_at"),
  },
  (t) => [
    uniqueIndex("quality_form_versions_form_version_unique").on(t.formId, t.version),
    // One published version per form; one draft at a time.
    uniqueIndex("quality_form_versions_one_published").on(t.formId).where(sql`${t.status} = 'published'`),
    uniqueIndex("quality_form_versions_one_draft").on(t.formId).where(sql`${t.status} = 'draft'`),
  ],
);

/** A reviewer's calibration: several reviewers evaluate one call blind, then the lead compares. */
export const qualityCalibrations = pgTable(
  "quality_calibrations",
  {
    id: id(),
    recordingId: uuid("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
    formVersionId: uuid("form_version_id")
      .notNull()
      .references(() => qualityFormVersions.id, { onDelete: "restrict" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    leadUserId: uuid("lead_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("quality_calibrations_recording_idx").on(t.recordingId)],
);

export const qualityCalibrationReviewers = pgTable(
  "quality_calibration_reviewers",
  {
    calibrationId: uuid("calibration_id")
      .notNull()
      .references(() => qualityCalibrations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.calibrationId, t.userId] })],
);

/**
 * An evaluation of one call against one form version. Unit, staff member and call time are copied from
 * the recording (they never change) so reports read one table; everything goes with the recording (R13).
 */
export const qualityEvaluations = pgTable(
  "quality_evaluations",
  {
    id: id(),
    recordingId: uuid("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    staffMemberId: uuid("staff_member_id")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "cascade" }),
    callStartedAt: timestamptz("call_started_at").notNull(),
    formVersionId: uuid("form_version_id")
      .notNull()
      .references(() => qualityFormVersions.id, { onDelete: "restrict" }),
    reviewerUserId: uuid("reviewer_user_id").references(() => users.id, { onDelete: "set null" }),
    calibrationId: uuid("calibration_id").references(() => qualityCalibrations.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<StoredAnswer[]>().notNull(),
    summary: text("summary").notNull().default(""),
    score: real("score"),
    rawScore: real("raw_score"),
    passed: boolean("passed"),
    criticalFailed: boolean("critical_failed").notNull().default(false),
    /** Raised by a resolved dispute that changed the answers; the earlier answers stay in the dispute. */
    revision: integer("revision").notNull().default(1),
    createdAt: createdAt(),
    acknowledgedAt: timestamptz("acknowledged_at"),
  },
  (t) => [
    // Reports and lists: keyset on (created_at, id) within a unit or a staff member.
    index("quality_evaluations_unit_created_idx").on(t.unitId, t.createdAt.desc(), t.id.desc()),
    index("quality_evaluations_staff_created_idx").on(t.staffMemberId, t.createdAt.desc(), t.id.desc()),
    index("quality_evaluations_recording_idx").on(t.recordingId),
    index("quality_evaluations_reviewer_idx").on(t.reviewerUserId, t.createdAt),
    index("quality_evaluations_created_idx").on(t.createdAt),
    uniqueIndex("quality_evaluations_one_per_calibration_reviewer")
      .on(t.calibrationId, t.reviewerUserId)
      .where(sql`${t.calibrationId} is not null`),
    check(
      "quality_evaluations_score_range",
      sql`${t.score} is null or (${t.score} >= 0 and ${t.score} <= 100)`,
    ),
  ],
);

/** Feedback at a point or range of a call: praise, improve or question. */
export const qualityMoments = pgTable(
  "quality_moments",
  {
    id: id(),
    recordingId: uuid("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
    evaluationId: uuid("evaluation_id").references(() => qualityEvaluations.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    kind: momentKindEnum("kind").notNull(),
    startMs: integer("start_ms").notNull(),
    endMs: integer("end_ms"),
    text: text("text").notNull(),
    criterionKey: text("criterion_key"),
    createdAt: createdAt(),
    acknowledgedAt: timestamptz("acknowledged_at"),
  },
  (t) => [
    index("quality_moments_recording_idx").on(t.recordingId, t.startMs),
    index("quality_moments_evaluation_idx").on(t.evaluationId),
    index("quality_moments_created_idx").on(t.createdAt),
    check(
      "quality_moments_range",
      sql`${t.startMs} >= 0 and (${t.endMs} is null or ${t.endMs} >= ${t.startMs})`,
    ),
  ],
);

/** A thread under a moment: the staff member answers, the reviewer answers back. */
export const qualityMomentReplies = pgTable(
  "quality_moment_replies",
  {
    id: id(),
    momentId: uuid("moment_id")
      .notNull()
      .references(() => qualityMoments.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("quality_moment_replies_moment_idx").on(t.momentId, t.createdAt)],
);

/** A dispute keeps both versions: the answers disputed and, if changed, the answers decided. */
export const qualityDisputes = pgTable(
  "quality_disputes",
  {
    id: id(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => qualityEvaluations.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    raisedBy: uuid("raised_by").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    status: disputeStatusEnum("status").notNull().default("open"),
    originalReviewerUserId: uuid("original_reviewer_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    originalAnswers: jsonb("original_answers").$type<StoredAnswer[]>().notNull(),
    originalScore: real("original_score"),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolution: text("resolution"),
    resultingAnswers: jsonb("resulting_answers").$type<StoredAnswer[]>(),
    resultingScore: real("resulting_score"),
    createdAt: createdAt(),
    resolvedAt: timestamptz("resolved_at"),
  },
  (t) => [
    uniqueIndex("quality_disputes_one_per_evaluation").on(t.evaluationId),
    index("quality_disputes_unit_status_idx").on(t.unitId, t.status, t.createdAt),
    check("quality_disputes_resolved_consistent", sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);

/** Per unit: evaluate N calls per employee per calendar month. */
export const qualitySamplingRules = pgTable("quality_sampling_rules", {
  unitId: uuid("unit_id")
    .primaryKey()
    .references(() => units.id, { onDelete: "cascade" }),
  perEmployeePerMonth: integer("per_employee_per_month").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

export type QualityFormVersion = typeof qualityFormVersions.$inferSelect;
export type QualityEvaluation = typeof qualityEvaluations.$inferSelect;
export type QualityMoment = typeof qualityMoments.$inferSelect;
export type QualityDispute = typeof qualityDisputes.$inferSelect;
