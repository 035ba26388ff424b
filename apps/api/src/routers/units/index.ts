import { router } from "../../trpc/init.js";
import { createUnitProcedure } from "./create.js";
import { findUnitsProcedure } from "./find.js";
import { updateUnitProcedure } from "./update.js";

export const unitsRouter = router({
  find: findUnitsProcedure,
  create: createUnitProcedure,
  update: updateUnitProcedure,
});
