ALTER TABLE "export_packages" ADD COLUMN "wrapped_data_key" "bytea";--> statement-breakpoint
ALTER TABLE "export_packages" ADD COLUMN "key_id" text;