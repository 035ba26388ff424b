import { accessRequestInput } from "@kuulo/domain/disclosure";
import { z } from "zod";

const domain = accessRequestInput.shape;

/**
 * The access request form's fields, named as the API names them (so its refusals land beside them), with
 * the window as the date fields give it. The customer-data check (R4) of the note is the API's alone.
 */
export const accessRequestFormSchema = z.object({
  requesterName: z.string().trim().min(1).max(200),
  identityVerification: z.object({
    method: domain.identityVerification.shape.method,
    note: z.string().trim().min(1).max(1000),
  }),
  window: z.object({ from: z.string().min(1), to: z.string().min(1) }),
  recordingIds: z.array(z.string()),
});
export type AccessRequestFormValues = z.infer<typeof accessRequestFormSchema>;

const instantOf = (local: string) => {
  const at = new Date(local);
  return local && !Number.isNaN(at.getTime()) ? at : null;
};

/** The window as instants once both ends are typed; the picker searches only within it. */
export function windowOf(values: Pick<AccessRequestFormValues, "window">) {
  const from = instantOf(values.window.from);
  const to = instantOf(values.window.to);
  return from && to ? { from, to } : undefined;
}

/** The API's input from the form's values. */
export function toAccessRequestInput(values: AccessRequestFormValues) {
  return {
    requesterName: values.requesterName,
    identityVerification: values.identityVerification,
    window: {
      from: new Date(values.window.from).toISOString(),
      to: new Date(values.window.to).toISOString(),
    },
    recordingIds: values.recordingIds,
  };
}
