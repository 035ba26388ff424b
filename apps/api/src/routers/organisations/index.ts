import { router } from "../../trpc/init.js";
import { createOrganisationProcedure } from "./create.js";
import { findOrganisationsProcedure } from "./find.js";
import { updateOrganisationProcedure } from "./update.js";

export const organisationsRouter = router({
  find: findOrganisationsProcedure,
  create: createOrganisationProcedure,
  update: updateOrganisationProcedure,
});
