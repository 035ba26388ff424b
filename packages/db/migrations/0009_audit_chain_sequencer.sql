-- Audit rows are inserted without a chain-wide lock; the audit sequencer links them into the hash chain
-- later (chain_seq, prev_hash, hash, linked_at, set once). Rows written before this migration keep their
-- hash and get chain_seq = seq. Also: auth_epoch, bumped by triggers whenever a cached session goes stale.
CREATE SEQUENCE "public"."audit_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 OWNED BY "audit_events"."seq";--> statement-breakpoint
SELECT setval('audit_events_seq_seq', coalesce((SELECT max("seq") FROM "audit_events"), 0) + 1, false);--> statement-breakpoint
CREATE TABLE "auth_epoch" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "auth_epoch_single_row" CHECK ("auth_epoch"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "auth_epoch" ("id", "value") VALUES (1, 0);--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "seq" SET DEFAULT nextval('audit_events_seq_seq');--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "linked_at" timestamp with time zone;--> statement-breakpoint
DROP TRIGGER "audit_events_no_update_delete" ON "audit_events";--> statement-breakpoint
-- The rows written under the advisory lock are already chained, in seq order.
UPDATE "audit_events" SET "chain_seq" = "seq", "linked_at" = "occurred_at", "recorded_at" = "occurred_at";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_seq_unique" ON "audit_events" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "audit_events_unlinked_idx" ON "audit_events" USING btree ("seq") WHERE "audit_events"."chain_seq" is null;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_chain_seq_positive" CHECK ("audit_events"."chain_seq" > 0);--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_content_hash_hex" CHECK ("audit_events"."content_hash" ~ '^[0-9a-f]{64}$');--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_content_hash_required" CHECK ("audit_events"."content_hash" is not null or "audit_events"."chain_seq" = "audit_events"."seq");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_link_complete" CHECK (("audit_events"."chain_seq" is null) = ("audit_events"."hash" is null) and ("audit_events"."hash" is null) = ("audit_events"."prev_hash" is null) and ("audit_events"."hash" is null) = ("audit_events"."linked_at" is null));--> statement-breakpoint
-- R14: the only UPDATE allowed is the sequencer linking an unlinked row, once, changing nothing else.
CREATE OR REPLACE FUNCTION "audit_events_link_once"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."chain_seq" IS NOT NULL OR NEW."chain_seq" IS NULL
     OR (to_jsonb(NEW) - ARRAY['chain_seq', 'prev_hash', 'hash', 'linked_at'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['chain_seq', 'prev_hash', 'hash', 'linked_at']) THEN
    RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_link_once"
  BEFORE UPDATE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_link_once"();
--> statement-breakpoint
-- Rows arrive unlinked: only the sequencer's UPDATE may place a row in the chain.
CREATE OR REPLACE FUNCTION "audit_events_insert_unlinked"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."chain_seq" IS NOT NULL OR NEW."prev_hash" IS NOT NULL OR NEW."hash" IS NOT NULL OR NEW."linked_at" IS NOT NULL THEN
    RAISE EXCEPTION 'audit_events rows are linked only by the audit sequencer' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_insert_unlinked"
  BEFORE INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_insert_unlinked"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_no_delete"
  BEFORE DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();
--> statement-breakpoint
-- Session cache invalidation: every change a cached session depends on bumps auth_epoch in its own
-- transaction. Sliding the idle window (sessions.last_active_at) does not: instances re-read before refusing.
CREATE OR REPLACE FUNCTION "auth_epoch_bump"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "auth_epoch" SET "value" = "value" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "sessions_auth_epoch"
  AFTER DELETE OR UPDATE OF "id", "user_id", "created_at", "expires_at", "idle_timeout_seconds", "second_factor_verified" ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "auth_epoch_bump"();
--> statement-breakpoint
-- Sign-in bookkeeping (the TOTP step, a rehash, lock-outs) does not reach a session's facts: no bump, so
-- a sign-in does not empty every instance's cache. A password change ends sessions, which bumps.
CREATE TRIGGER "users_auth_epoch"
  AFTER UPDATE ON "users"
  FOR EACH ROW
  WHEN ((to_jsonb(OLD) - ARRAY['totp_last_step', 'password_hash', 'password_set_at', 'locked_until', 'updated_at'])
        IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['totp_last_step', 'password_hash', 'password_set_at', 'locked_until', 'updated_at']))
  EXECUTE FUNCTION "auth_epoch_bump"();
--> statement-breakpoint
CREATE TRIGGER "users_deleted_auth_epoch"
  AFTER DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "auth_epoch_bump"();
--> statement-breakpoint
CREATE TRIGGER "organisations_auth_epoch"
  AFTER UPDATE OR DELETE ON "organisations"
  FOR EACH ROW EXECUTE FUNCTION "auth_epoch_bump"();
--> statement-breakpoint
CREATE TRIGGER "role_grants_auth_epoch"
  AFTER INSERT OR UPDATE OR DELETE ON "role_grants"
  FOR EACH ROW EXECUTE FUNCTION "auth_epoch_bump"();
--> statement-breakpoint
CREATE TRIGGER "disclosures_auth_epoch"
  AFTER INSERT OR UPDATE OR DELETE ON "disclosures"
  FOR EACH ROW EXECUTE FUNCTION "auth_epoch_bump"();
