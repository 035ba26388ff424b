-- Cached session facts carry the codes and names of the units a person's grants name (auth.me shows them
-- without a query), so renaming or removing a unit bumps auth_epoch like every other fact they rest on.
CREATE TRIGGER "units_auth_epoch"
  AFTER UPDATE OF "code", "name" OR DELETE ON "units"
  FOR EACH ROW EXECUTE FUNCTION "auth_epoch_bump"();
