import { isDomainError } from "@kuulo/domain/errors";
import { parseRecordingMetadata } from "@kuulo/domain/recording";

// Ingest metadata from the call recording system: staff data only (R3).
export const metadata = parseRecordingMetadata({
  sourceRecordingId: "pbx-2025-03-12-0001",
  firstName: "Maija",
  lastName: "Virtanen",
  username: "mvirtanen",
  phoneNumber: "040 123 4567",
  callStartedAt: "2025-03-12T10:30:00+02:00",
  unitCode: "HKI-1",
});
// metadata.phoneNumber is "+358401234567"; metadata.callStartedAt is a Date.

// Any field outside R3 is refused, naming the field and the rule (R4).
export const refusal = (() => {
  try {
    return parseRecordingMetadata({
      ...metadata,
      callStartedAt: "2025-03-12T10:30:00Z",
      callerNumber: "0501234567",
    });
  } catch (error) {
    if (isDomainError(error)) return error.toJSON();
    throw error;
  }
})();
// { code: "VALIDATION", field: "callerNumber", rule: "R4", reason: "metadata.customer_data",
//   message: 'Field "callerNumber" is not allowed: customer data may exist only inside the audio (R4)' }
