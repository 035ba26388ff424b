-- R13: a legal hold overrides retention and blocks deletion, enforced by the database so no code path
-- (purge job, crypto-erase, manual SQL by the application) can remove held audio. recordings.legal_hold is
-- derived: it is recomputed from unreleased legal_holds rows on every update of the recording.
CREATE OR REPLACE FUNCTION "recordings_guard_legal_hold"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  held boolean;
BEGIN
  held := EXISTS (SELECT 1 FROM "legal_holds" WHERE "recording_id" = OLD."id" AND "released_at" IS NULL);
  IF TG_OP = 'DELETE' THEN
    IF held THEN
      RAISE EXCEPTION 'recording % is under legal hold', OLD."id" USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
  END IF;
  NEW."legal_hold" := held;
  IF held AND (
    (OLD."wrapped_data_key" IS NOT NULL AND NEW."wrapped_data_key" IS NULL)
    OR (OLD."deleted_at" IS NULL AND NEW."deleted_at" IS NOT NULL)
  ) THEN
    RAISE EXCEPTION 'recording % is under legal hold', OLD."id" USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "recordings_legal_hold_guard"
  BEFORE UPDATE OR DELETE ON "recordings"
  FOR EACH ROW EXECUTE FUNCTION "recordings_guard_legal_hold"();
--> statement-breakpoint
-- Placing, releasing or removing a hold touches the recording so the guard above recomputes its flag.
CREATE OR REPLACE FUNCTION "legal_holds_sync_recording"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "recordings" SET "legal_hold" = "legal_hold" WHERE "id" = OLD."recording_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "recordings" SET "legal_hold" = "legal_hold" WHERE "id" = NEW."recording_id";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "legal_holds_sync_recording"
  AFTER INSERT OR UPDATE OR DELETE ON "legal_holds"
  FOR EACH ROW EXECUTE FUNCTION "legal_holds_sync_recording"();
