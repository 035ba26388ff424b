import { createTrainingDisclosure } from "../../services/disclosures/create-training.js";
import { requirePermission } from "../../trpc/procedures.js";
import { TrainingDisclosureRequest } from "./schemas.js";

export const createTrainingProcedure = requirePermission("disclosure.create")
  .input(TrainingDisclosureRequest)
  .mutation(({ ctx, input }) => createTrainingDisclosure({ ctx, input }));
