ALTER TABLE "legal_holds" DROP CONSTRAINT "legal_holds_recording_id_recordings_id_fk";
--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;