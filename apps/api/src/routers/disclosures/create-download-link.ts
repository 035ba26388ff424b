import { createDownloadLink } from "../../services/disclosures/create-download-link.js";
import { requirePermission } from "../../trpc/procedures.js";
import { DisclosureIdInput } from "./schemas.js";

export const createDownloadLinkProcedure = requirePermission("disclosure.export")
  .input(DisclosureIdInput)
  .mutation(({ ctx, input }) => createDownloadLink({ ctx, input }));
