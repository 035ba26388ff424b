CREATE TYPE "public"."audit_actor_type" AS ENUM('user', 'machine', 'system', 'anonymous');--> statement-breakpoint
CREATE TYPE "public"."audit_outcome" AS ENUM('success', 'denied', 'failure');--> statement-breakpoint
CREATE TYPE "public"."disclosure_kind" AS ENUM('training', 'statutory', 'access_request');--> statement-breakpoint
CREATE TYPE "public"."disclosure_status" AS ENUM('draft', 'awaiting_approval', 'active', 'revoked', 'closed');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('controller', 'processor');--> statement-breakpoint
CREATE TYPE "public"."playlist_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('administrator', 'privacy_officer', 'trainer', 'employee', 'external_trainer');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('active', 'deactivated');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_type" "audit_actor_type" NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"outcome" "audit_outcome" NOT NULL,
	"ip" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_seq_positive" CHECK ("audit_events"."seq" > 0),
	CONSTRAINT "audit_events_hash_hex" CHECK ("audit_events"."hash" ~ '^[0-9a-f]{64}$' and "audit_events"."prev_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "audit_events_action_format" CHECK ("audit_events"."action" ~ '^[a-z0-9_]+(\.[a-z0-9_]+)+$')
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"first_failure_at" timestamp with time zone,
	"last_failure_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	CONSTRAINT "login_throttles_key_kind" CHECK ("login_throttles"."key" ~ '^(user|ip):.+'),
	CONSTRAINT "login_throttles_failures_non_negative" CHECK ("login_throttles"."failures" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"idle_timeout_seconds" integer NOT NULL,
	"second_factor_verified" boolean DEFAULT false NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_id_sha256_hex" CHECK ("sessions"."id" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "sessions_idle_timeout_positive" CHECK ("sessions"."idle_timeout_seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "disclosure_recordings" (
	"disclosure_id" uuid NOT NULL,
	"recording_id" uuid NOT NULL,
	CONSTRAINT "disclosure_recordings_pk" PRIMARY KEY("disclosure_id","recording_id")
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "disclosure_kind" NOT NULL,
	"status" "disclosure_status" DEFAULT 'draft' NOT NULL,
	"prepared_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"fields" jsonb NOT NULL,
	"recipient_country" text NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"external_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "disclosures_country_iso" CHECK ("disclosures"."recipient_country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "disclosures_validity_window" CHECK ("disclosures"."valid_until" is null or "disclosures"."valid_from" is null or "disclosures"."valid_until" > "disclosures"."valid_from"),
	CONSTRAINT "disclosures_four_eyes" CHECK ("disclosures"."approved_by" is null or "disclosures"."prepared_by" is null or "disclosures"."approved_by" <> "disclosures"."prepared_by")
);
--> statement-breakpoint
CREATE TABLE "export_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"disclosure_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"download_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"downloaded_at" timestamp with time zone,
	CONSTRAINT "export_packages_sha256_hex" CHECK ("export_packages"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"disclosure_id" uuid,
	"reason" text NOT NULL,
	"placed_by" uuid,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_by" uuid,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_name" text NOT NULL,
	"instance_id" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text,
	"processed" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	CONSTRAINT "job_runs_outcome" CHECK ("job_runs"."outcome" is null or "job_runs"."outcome" in ('success', 'failure'))
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"business_id" text NOT NULL,
	"country" text NOT NULL,
	"agreement_reference" text,
	"agreement_valid_from" timestamp with time zone,
	"agreement_valid_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_country_iso" CHECK ("organisations"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "organisations_processor_agreement" CHECK ("organisations"."kind" = 'controller' or ("organisations"."agreement_reference" is not null and "organisations"."agreement_valid_from" is not null)),
	CONSTRAINT "organisations_agreement_window" CHECK ("organisations"."agreement_valid_until" is null or "organisations"."agreement_valid_until" >= "organisations"."agreement_valid_from")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_not_own_parent" CHECK ("units"."parent_id" is null or "units"."parent_id" <> "units"."id")
);
--> statement-breakpoint
CREATE TABLE "listening_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"playlist_item_id" uuid NOT NULL,
	"listened_ms" integer DEFAULT 0 NOT NULL,
	"max_position_ms" integer DEFAULT 0 NOT NULL,
	"played_intervals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_progress_non_negative" CHECK ("listening_progress"."listened_ms" >= 0 and "listening_progress"."max_position_ms" >= 0)
);
--> statement-breakpoint
CREATE TABLE "playlist_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"playlist_id" uuid NOT NULL,
	"unit_id" uuid,
	"user_id" uuid,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playlist_assignments_one_target" CHECK (num_nonnulls("playlist_assignments"."unit_id", "playlist_assignments"."user_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "playlist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"playlist_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"recording_id" uuid,
	"removed_reason" text,
	"clip_start_ms" integer DEFAULT 0 NOT NULL,
	"clip_end_ms" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playlist_items_position_non_negative" CHECK ("playlist_items"."position" >= 0),
	CONSTRAINT "playlist_items_clip_window" CHECK ("playlist_items"."clip_start_ms" >= 0 and ("playlist_items"."clip_end_ms" is null or "playlist_items"."clip_end_ms" > "playlist_items"."clip_start_ms"))
);
--> statement-breakpoint
CREATE TABLE "playlists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_by" uuid,
	"status" "playlist_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playlists_published_consistent" CHECK (("playlists"."status" = 'published') = ("playlists"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_system_id" text NOT NULL,
	"source_recording_id" text NOT NULL,
	"staff_member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"call_started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"original_format" text NOT NULL,
	"original_sha256" text NOT NULL,
	"original_size_bytes" bigint NOT NULL,
	"stored_format" text NOT NULL,
	"stored_size_bytes" bigint NOT NULL,
	"stored_sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"wrapped_data_key" "bytea",
	"key_id" text NOT NULL,
	"peaks" jsonb,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"legal_hold" boolean DEFAULT false NOT NULL,
	"retention_category" text NOT NULL,
	"purge_due_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "recordings_duration_non_negative" CHECK ("recordings"."duration_ms" >= 0),
	CONSTRAINT "recordings_sizes_non_negative" CHECK ("recordings"."original_size_bytes" >= 0 and "recordings"."stored_size_bytes" >= 0),
	CONSTRAINT "recordings_sha256_hex" CHECK ("recordings"."original_sha256" ~ '^[0-9a-f]{64}$' and "recordings"."stored_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"category" text PRIMARY KEY NOT NULL,
	"period_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_settings_period_positive" CHECK ("retention_settings"."period_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "staff_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"username" text NOT NULL,
	"phone_number" text,
	"unit_id" uuid,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_members_username_lower_case" CHECK ("staff_members"."username" = lower("staff_members"."username"))
);
--> statement-breakpoint
CREATE TABLE "password_setup_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"unit_id" uuid,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"username" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"password_hash" text,
	"password_set_at" timestamp with time zone,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"locked_until" timestamp with time zone,
	"totp_secret_encrypted" text,
	"totp_enabled_at" timestamp with time zone,
	"recovery_code_hashes" text[] DEFAULT '{}'::text[] NOT NULL,
	"staff_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone,
	CONSTRAINT "users_username_lower_case" CHECK ("users"."username" = lower("users"."username")),
	CONSTRAINT "users_deactivated_consistent" CHECK (("users"."status" = 'deactivated') = ("users"."deactivated_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_recordings" ADD CONSTRAINT "disclosure_recordings_disclosure_id_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."disclosures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_recordings" ADD CONSTRAINT "disclosure_recordings_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_external_user_id_users_id_fk" FOREIGN KEY ("external_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_packages" ADD CONSTRAINT "export_packages_disclosure_id_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."disclosures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_disclosure_id_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."disclosures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_job_name_jobs_name_fk" FOREIGN KEY ("job_name") REFERENCES "public"."jobs"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_progress" ADD CONSTRAINT "listening_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_progress" ADD CONSTRAINT "listening_progress_playlist_item_id_playlist_items_id_fk" FOREIGN KEY ("playlist_item_id") REFERENCES "public"."playlist_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlist_assignments" ADD CONSTRAINT "playlist_assignments_playlist_id_playlists_id_fk" FOREIGN KEY ("playlist_id") REFERENCES "public"."playlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlist_assignments" ADD CONSTRAINT "playlist_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlist_assignments" ADD CONSTRAINT "playlist_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlist_assignments" ADD CONSTRAINT "playlist_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlist_items" ADD CONSTRAINT "playlist_items_playlist_id_playlists_id_fk" FOREIGN KEY ("playlist_id") REFERENCES "public"."playlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlist_items" ADD CONSTRAINT "playlist_items_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlists" ADD CONSTRAINT "playlists_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlists" ADD CONSTRAINT "playlists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_setup_tokens" ADD CONSTRAINT "password_setup_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_type","target_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_unique" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "disclosure_recordings_recording_id_idx" ON "disclosure_recordings" USING btree ("recording_id");--> statement-breakpoint
CREATE INDEX "disclosures_status_idx" ON "disclosures" USING btree ("status");--> statement-breakpoint
CREATE INDEX "disclosures_external_user_id_idx" ON "disclosures" USING btree ("external_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "export_packages_disclosure_id_unique" ON "export_packages" USING btree ("disclosure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "export_packages_download_token_hash_unique" ON "export_packages" USING btree ("download_token_hash");--> statement-breakpoint
CREATE INDEX "legal_holds_recording_id_idx" ON "legal_holds" USING btree ("recording_id");--> statement-breakpoint
CREATE INDEX "legal_holds_disclosure_id_idx" ON "legal_holds" USING btree ("disclosure_id");--> statement-breakpoint
CREATE INDEX "job_runs_job_started_idx" ON "job_runs" USING btree ("job_name","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_single_controller" ON "organisations" USING btree ("kind") WHERE "organisations"."kind" = 'controller';--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_business_id_unique" ON "organisations" USING btree ("business_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_unique" ON "units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "units_parent_id_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "units_organisation_id_idx" ON "units" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "listening_progress_user_item_unique" ON "listening_progress" USING btree ("user_id","playlist_item_id");--> statement-breakpoint
CREATE INDEX "listening_progress_playlist_item_id_idx" ON "listening_progress" USING btree ("playlist_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "playlist_assignments_unit_unique" ON "playlist_assignments" USING btree ("playlist_id","unit_id") WHERE "playlist_assignments"."unit_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "playlist_assignments_user_unique" ON "playlist_assignments" USING btree ("playlist_id","user_id") WHERE "playlist_assignments"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "playlist_assignments_unit_id_idx" ON "playlist_assignments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "playlist_assignments_user_id_idx" ON "playlist_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "playlist_items_playlist_position_idx" ON "playlist_items" USING btree ("playlist_id","position");--> statement-breakpoint
CREATE INDEX "playlist_items_recording_id_idx" ON "playlist_items" USING btree ("recording_id");--> statement-breakpoint
CREATE INDEX "playlists_unit_id_idx" ON "playlists" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recordings_source_unique" ON "recordings" USING btree ("source_system_id","source_recording_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recordings_storage_key_unique" ON "recordings" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "recordings_unit_call_idx" ON "recordings" USING btree ("unit_id","call_started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "recordings_staff_call_idx" ON "recordings" USING btree ("staff_member_id","call_started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "recordings_call_idx" ON "recordings" USING btree ("call_started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "recordings_purge_due_at_idx" ON "recordings" USING btree ("purge_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_members_username_unique" ON "staff_members" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_members_user_id_unique" ON "staff_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "staff_members_unit_id_idx" ON "staff_members" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "password_setup_tokens_token_hash_unique" ON "password_setup_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_setup_tokens_user_id_idx" ON "password_setup_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "role_grants_user_id_idx" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "role_grants_unit_id_idx" ON "role_grants" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants_active_unique" ON "role_grants" USING btree ("user_id","role",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "role_grants"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_unique" ON "users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "users_staff_member_id_unique" ON "users" USING btree ("staff_member_id");--> statement-breakpoint
CREATE INDEX "users_organisation_id_idx" ON "users" USING btree ("organisation_id");