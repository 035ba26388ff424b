CREATE TABLE "inbox_last_seen" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "playlist_assignments" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "inbox_last_seen" ADD CONSTRAINT "inbox_last_seen_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;