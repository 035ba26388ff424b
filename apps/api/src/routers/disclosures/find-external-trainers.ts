import { z } from "zod";
import { findExternalTrainers } from "../../services/disclosures/find-external-trainers.js";
import { requirePermission } from "../../trpc/procedures.js";

export const FindExternalTrainersInput = z.object({ query: z.string().trim().max(100).default("") });

export const findExternalTrainersProcedure = requirePermission("disclosure.create")
  .input(FindExternalTrainersInput)
  .query(({ ctx, input }) => findExternalTrainers({ ctx, input }));
