import { LOCALES } from "@kuulo/domain/register";
import { z } from "zod";
import { exportRecordOfProcessing } from "../../services/retention/record-of-processing.js";
import { requirePermission } from "../../trpc/procedures.js";

export const RecordOfProcessingInput = z.object({ locale: z.enum(LOCALES).default("fi") });

/** Art. 30 record (R1) for the privacy officer; a mutation because each export writes an audit row. */
export const recordOfProcessingProcedure = requirePermission("audit.export")
  .input(RecordOfProcessingInput)
  .mutation(({ ctx, input }) => exportRecordOfProcessing({ ctx, input }));
