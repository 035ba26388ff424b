/** R3: the only staff data a recording may carry, plus the unit used for access scoping. */
export const RECORDING_METADATA_FIELDS = [
  "sourceRecordingId",
  "firstName",
  "lastName",
  "username",
  "phoneNumber",
  "callStartedAt",
  "unitCode",
] as const;
export type RecordingMetadataField = (typeof RECORDING_METADATA_FIELDS)[number];

export const REQUIRED_RECORDING_METADATA_FIELDS: readonly RecordingMetadataField[] =
  RECORDING_METADATA_FIELDS.filter((field) => field !== "unitCode");

/**
 * Field names call recording systems use for the customer side of a call (R4). Compared after
 * lower-casing and removing separators, so "caller_number" and "Caller-Number" match too.
 */
export const KNOWN_CUSTOMER_DATA_FIELDS = [
  "callerNumber",
  "callerId",
  "callerName",
  "caller",
  "callee",
  "calledNumber",
  "remoteNumber",
  "remoteParty",
  "otherParty",
  "customerId",
  "customerName",
  "customerNumber",
  "customerCompany",
  "customerEmail",
  "customerPhone",
  "companyName",
  "accountNumber",
  "contactName",
  "contactId",
  "queue",
  "queueName",
  "ani",
  "dnis",
  "cli",
  "msisdn",
  "email",
  "ssn",
  "hetu",
  "personalIdentityCode",
  "transcript",
  "notes",
  "asiakasnumero",
  "asiakas",
  "soittaja",
] as const;

const compact = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
const CUSTOMER_FIELD_KEYS = new Set<string>(KNOWN_CUSTOMER_DATA_FIELDS.map(compact));

export const isKnownCustomerDataField = (name: string): boolean => CUSTOMER_FIELD_KEYS.has(compact(name));
