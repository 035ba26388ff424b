import { trainingDisclosureInput } from "@kuulo/domain/disclosure";
import { z } from "zod";

const domain = trainingDisclosureInput.shape;

/**
 * The form's own shape (dates as the inputs give them) built from the domain's field schemas, so the
 * browser checks presence, lengths and the R7 country before a round trip. The customer-data check (R4)
 * is the API's alone; its refusal comes back with a reason the form words.
 */
export const trainingFormSchema = z
  .object({
    recipientName: z.string().trim().min(1).max(200),
    recipientOrganisation: z.string().trim().min(1).max(200),
    recipientCountry: domain.recipientCountry,
    recipientEmail: domain.recipientEmail,
    ndaReference: domain.ndaReference,
    ndaSignedOn: domain.ndaSignedOn,
    purpose: z.string().trim().min(1).max(2000),
    validFrom: z.string().min(1),
    validUntil: z.string().min(1),
    audienceAttestation: z.boolean().refine((value) => value, { message: "required" }),
    source: z.enum(["recordings", "playlist"]),
    recordingIds: z.array(z.string()),
    playlistId: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.source === "recordings" && values.recordingIds.length === 0) {
      ctx.addIssue({
        code: "too_small",
        minimum: 1,
        origin: "array",
        inclusive: true,
        path: ["recordingIds"],
      });
    }
    if (values.source === "playlist" && !z.uuid().safeParse(values.playlistId).success) {
      ctx.addIssue({ code: "custom", path: ["playlistId"], message: "invalid" });
    }
  });
export type TrainingFormValues = z.infer<typeof trainingFormSchema>;

/** The API's input from the form's values. */
export function toTrainingInput(values: TrainingFormValues) {
  return {
    recipientName: values.recipientName,
    recipientOrganisation: values.recipientOrganisation,
    recipientCountry: values.recipientCountry,
    recipientEmail: values.recipientEmail,
    ndaReference: values.ndaReference,
    ndaSignedOn: values.ndaSignedOn,
    purpose: values.purpose,
    validFrom: new Date(values.validFrom).toISOString(),
    validUntil: new Date(values.validUntil).toISOString(),
    audienceAttestation: true as const,
    ...(values.source === "playlist"
      ? { playlistId: values.playlistId }
      : { recordingIds: values.recordingIds }),
  };
}
