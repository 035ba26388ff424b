import { findOrganisations } from "../../services/organisations/find.js";
import { requirePermission } from "../../trpc/procedures.js";

export const findOrganisationsProcedure = requirePermission("organisation.read").query(({ ctx }) =>
  findOrganisations({ ctx }),
);
