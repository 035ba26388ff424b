CREATE TYPE "public"."listening_request_kind" AS ENUM('grant', 'password_link');--> statement-breakpoint
CREATE TYPE "public"."listening_request_status" AS ENUM('pending', 'approved', 'refused');--> statement-breakpoint
CREATE TABLE "listening_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "listening_request_kind" NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role",
	"unit_id" uuid,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"status" "listening_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"grant_id" uuid,
	CONSTRAINT "listening_requests_grant_has_role" CHECK (("listening_requests"."kind" = 'grant') = ("listening_requests"."role" is not null)),
	CONSTRAINT "listening_requests_decided_consistent" CHECK (("listening_requests"."status" = 'pending') = ("listening_requests"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "password_setup_tokens" ADD COLUMN "issued_to" uuid;--> statement-breakpoint
ALTER TABLE "listening_requests" ADD CONSTRAINT "listening_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_requests" ADD CONSTRAINT "listening_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_requests" ADD CONSTRAINT "listening_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_requests" ADD CONSTRAINT "listening_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_requests" ADD CONSTRAINT "listening_requests_grant_id_role_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."role_grants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listening_requests_user_id_idx" ON "listening_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "listening_requests_status_idx" ON "listening_requests" USING btree ("status");--> statement-breakpoint
ALTER TABLE "password_setup_tokens" ADD CONSTRAINT "password_setup_tokens_issued_to_users_id_fk" FOREIGN KEY ("issued_to") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;