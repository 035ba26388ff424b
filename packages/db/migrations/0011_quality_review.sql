CREATE TYPE "public"."quality_dispute_status" AS ENUM('open', 'upheld', 'changed');--> statement-breakpoint
CREATE TYPE "public"."quality_form_version_status" AS ENUM('draft', 'published', 'retired');--> statement-breakpoint
CREATE TYPE "public"."quality_moment_kind" AS ENUM('praise', 'improve', 'question');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'quality_reviewer' BEFORE 'employee';--> statement-breakpoint
CREATE TABLE "quality_calibration_reviewers" (
	"calibration_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "quality_calibration_reviewers_calibration_id_user_id_pk" PRIMARY KEY("calibration_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "quality_calibrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"form_version_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"lead_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"raised_by" uuid,
	"reason" text NOT NULL,
	"status" "quality_dispute_status" DEFAULT 'open' NOT NULL,
	"original_reviewer_user_id" uuid,
	"original_answers" jsonb NOT NULL,
	"original_score" real,
	"resolved_by" uuid,
	"resolution" text,
	"resulting_answers" jsonb,
	"resulting_score" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "quality_disputes_resolved_consistent" CHECK (("quality_disputes"."status" = 'open') = ("quality_disputes"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "quality_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"staff_member_id" uuid NOT NULL,
	"call_started_at" timestamp with time zone NOT NULL,
	"form_version_id" uuid NOT NULL,
	"reviewer_user_id" uuid,
	"calibration_id" uuid,
	"answers" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"score" real,
	"raw_score" real,
	"passed" boolean,
	"critical_failed" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "quality_evaluations_score_range" CHECK ("quality_evaluations"."score" is null or ("quality_evaluations"."score" >= 0 and "quality_evaluations"."score" <= 100))
);
--> statement-breakpoint
CREATE TABLE "quality_form_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "quality_form_version_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "quality_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_moment_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"moment_id" uuid NOT NULL,
	"author_user_id" uuid,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"evaluation_id" uuid,
	"author_user_id" uuid,
	"kind" "quality_moment_kind" NOT NULL,
	"start_ms" integer NOT NULL,
	"end_ms" integer,
	"text" text NOT NULL,
	"criterion_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "quality_moments_range" CHECK ("quality_moments"."start_ms" >= 0 and ("quality_moments"."end_ms" is null or "quality_moments"."end_ms" >= "quality_moments"."start_ms"))
);
--> statement-breakpoint
CREATE TABLE "quality_sampling_rules" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"per_employee_per_month" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_settings" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"enabled" boolean NOT NULL,
	"retention_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_settings_singleton" CHECK ("quality_settings"."singleton"),
	CONSTRAINT "quality_settings_retention_positive" CHECK ("quality_settings"."retention_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "quality_calibration_reviewers" ADD CONSTRAINT "quality_calibration_reviewers_calibration_id_quality_calibrations_id_fk" FOREIGN KEY ("calibration_id") REFERENCES "public"."quality_calibrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibration_reviewers" ADD CONSTRAINT "quality_calibration_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibrations" ADD CONSTRAINT "quality_calibrations_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibrations" ADD CONSTRAINT "quality_calibrations_form_version_id_quality_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."quality_form_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibrations" ADD CONSTRAINT "quality_calibrations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibrations" ADD CONSTRAINT "quality_calibrations_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_disputes" ADD CONSTRAINT "quality_disputes_evaluation_id_quality_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."quality_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_disputes" ADD CONSTRAINT "quality_disputes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_disputes" ADD CONSTRAINT "quality_disputes_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_disputes" ADD CONSTRAINT "quality_disputes_original_reviewer_user_id_users_id_fk" FOREIGN KEY ("original_reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_disputes" ADD CONSTRAINT "quality_disputes_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_form_version_id_quality_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."quality_form_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_calibration_id_quality_calibrations_id_fk" FOREIGN KEY ("calibration_id") REFERENCES "public"."quality_calibrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_form_versions" ADD CONSTRAINT "quality_form_versions_form_id_quality_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."quality_forms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_form_versions" ADD CONSTRAINT "quality_form_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_forms" ADD CONSTRAINT "quality_forms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_forms" ADD CONSTRAINT "quality_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_moment_replies" ADD CONSTRAINT "quality_moment_replies_moment_id_quality_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."quality_moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_moment_replies" ADD CONSTRAINT "quality_moment_replies_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_moments" ADD CONSTRAINT "quality_moments_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_moments" ADD CONSTRAINT "quality_moments_evaluation_id_quality_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."quality_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_moments" ADD CONSTRAINT "quality_moments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_sampling_rules" ADD CONSTRAINT "quality_sampling_rules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_sampling_rules" ADD CONSTRAINT "quality_sampling_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_settings" ADD CONSTRAINT "quality_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quality_calibrations_recording_idx" ON "quality_calibrations" USING btree ("recording_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_disputes_one_per_evaluation" ON "quality_disputes" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "quality_disputes_unit_status_idx" ON "quality_disputes" USING btree ("unit_id","status","created_at");--> statement-breakpoint
CREATE INDEX "quality_evaluations_unit_created_idx" ON "quality_evaluations" USING btree ("unit_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "quality_evaluations_staff_created_idx" ON "quality_evaluations" USING btree ("staff_member_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "quality_evaluations_recording_idx" ON "quality_evaluations" USING btree ("recording_id");--> statement-breakpoint
CREATE INDEX "quality_evaluations_reviewer_idx" ON "quality_evaluations" USING btree ("reviewer_user_id","created_at");--> statement-breakpoint
CREATE INDEX "quality_evaluations_created_idx" ON "quality_evaluations" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_evaluations_one_per_calibration_reviewer" ON "quality_evaluations" USING btree ("calibration_id","reviewer_user_id") WHERE "quality_evaluations"."calibration_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "quality_form_versions_form_version_unique" ON "quality_form_versions" USING btree ("form_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_form_versions_one_published" ON "quality_form_versions" USING btree ("form_id") WHERE "quality_form_versions"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "quality_form_versions_one_draft" ON "quality_form_versions" USING btree ("form_id") WHERE "quality_form_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "quality_moment_replies_moment_idx" ON "quality_moment_replies" USING btree ("moment_id","created_at");--> statement-breakpoint
CREATE INDEX "quality_moments_recording_idx" ON "quality_moments" USING btree ("recording_id","start_ms");--> statement-breakpoint
CREATE INDEX "quality_moments_evaluation_idx" ON "quality_moments" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "quality_moments_created_idx" ON "quality_moments" USING btree ("created_at");--> statement-breakpoint
-- Legal hold covers quality data (R13): while its recording is held, no evaluation, moment or dispute
-- about it can be deleted, by the purge or by hand.
CREATE FUNCTION quality_refuse_delete_under_hold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM recordings WHERE id = OLD.recording_id AND legal_hold) THEN
    RAISE EXCEPTION 'quality data of a recording under legal hold cannot be deleted'
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER quality_evaluations_legal_hold BEFORE DELETE ON quality_evaluations
  FOR EACH ROW EXECUTE FUNCTION quality_refuse_delete_under_hold();
--> statement-breakpoint
CREATE TRIGGER quality_moments_legal_hold BEFORE DELETE ON quality_moments
  FOR EACH ROW EXECUTE FUNCTION quality_refuse_delete_under_hold();
