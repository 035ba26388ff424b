import { statutoryDisclosureInput } from "@kuulo/domain/disclosure";
import { z } from "zod";

/**
 * The statutory form's fields and limits. The customer-data check (R4) is the API's alone: its refusal
 * comes back with a reason the form words, so the browser does not run the guard a second time.
 */
export const statutoryFormSchema = z.object({
  authority: z.string().trim().min(1).max(200),
  legalBasis: z.string().trim().min(1).max(500),
  caseReference: statutoryDisclosureInput.shape.caseReference,
  recordingIds: statutoryDisclosureInput.shape.recordingIds,
});
export type StatutoryFormValues = z.input<typeof statutoryFormSchema>;
