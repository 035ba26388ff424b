import { DomainError } from "../errors/index.js";
import { isKnownCustomerDataField, RECORDING_METADATA_FIELDS } from "./metadata-fields.js";
import { type RecordingMetadata, recordingMetadataSchema } from "./metadata-schema.js";

const ALLOWED = new Set<string>(RECORDING_METADATA_FIELDS);

const refuseField = (field: string): DomainError => {
  const customer = isKnownCustomerDataField(field);
  const message = customer
    ? `Field "${field}" is not allowed: customer data may exist only inside the audio (R4)`
    : `Field "${field}" is not allowed: recording metadata may contain only ${RECORDING_METADATA_FIELDS.join(", ")}; customer data may exist only inside the audio (R4)`;
  return new DomainError("VALIDATION", message, {
    field,
    rule: "R4",
    reason: customer ? "metadata.customer_data" : "metadata.field_not_allowed",
  });
};

/**
 * Validates ingest metadata (R3, R4). Any field outside R3 is refused with rule R4; a malformed
 * allowed field with rule R3. Returns normalised values (E.164 phone, Date).
 */
export const parseRecordingMetadata = (input: unknown): RecordingMetadata => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new DomainError("VALIDATION", "Recording metadata must be a flat JSON object (R3)", {
      field: "metadata",
      rule: "R3",
      reason: "metadata.not_object",
    });
  }
  const extra = Object.keys(input).filter((key) => !ALLOWED.has(key));
  const first = extra.find(isKnownCustomerDataField) ?? extra[0];
  if (first !== undefined) throw refuseField(first);

  const result = recordingMetadataSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? "metadata");
  const detail =
    issue?.code === "invalid_type" ? "is required and must be text" : (issue?.message ?? "is invalid");
  throw new DomainError(
    "VALIDATION",
    `Field "${field}" ${detail.startsWith("is") ? detail : `is invalid: ${detail}`} (R3)`,
    {
      field,
      rule: "R3",
      reason: "metadata.invalid",
    },
  );
};
