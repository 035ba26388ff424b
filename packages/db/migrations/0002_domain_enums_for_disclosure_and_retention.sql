CREATE TYPE "public"."retention_category" AS ENUM('ordinary', 'training', 'legal_hold');--> statement-breakpoint
ALTER TABLE "disclosures" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
-- The domain's state machine names the four-eyes step pending_approval.
UPDATE "disclosures" SET "status" = 'pending_approval' WHERE "status" = 'awaiting_approval';--> statement-breakpoint
ALTER TABLE "disclosures" ALTER COLUMN "status" SET DEFAULT 'draft'::text;--> statement-breakpoint
DROP TYPE "public"."disclosure_status";--> statement-breakpoint
CREATE TYPE "public"."disclosure_status" AS ENUM('draft', 'pending_approval', 'active', 'revoked', 'expired', 'closed', 'delivered');--> statement-breakpoint
ALTER TABLE "disclosures" ALTER COLUMN "status" SET DEFAULT 'draft'::"public"."disclosure_status";--> statement-breakpoint
ALTER TABLE "disclosures" ALTER COLUMN "status" SET DATA TYPE "public"."disclosure_status" USING "status"::"public"."disclosure_status";--> statement-breakpoint
ALTER TABLE "recordings" ALTER COLUMN "retention_category" SET DATA TYPE "public"."retention_category" USING "retention_category"::"public"."retention_category";--> statement-breakpoint
ALTER TABLE "retention_settings" ALTER COLUMN "category" SET DATA TYPE "public"."retention_category" USING "category"::"public"."retention_category";