export {
  isKnownCustomerDataField,
  KNOWN_CUSTOMER_DATA_FIELDS,
  RECORDING_METADATA_FIELDS,
  REQUIRED_RECORDING_METADATA_FIELDS,
  type RecordingMetadataField,
} from "./metadata-fields.js";
export {
  parseIsoDateTimeWithOffset,
  type RecordingMetadata,
  type RecordingMetadataInput,
  recordingMetadataSchema,
} from "./metadata-schema.js";
export { parseRecordingMetadata } from "./parse-recording-metadata.js";
export { normalisePhoneNumber } from "./phone-number.js";
export {
  type RecordingTechnicalMetadata,
  recordingTechnicalMetadataSchema,
  TECHNICAL_METADATA_FIELDS,
} from "./technical-metadata.js";
