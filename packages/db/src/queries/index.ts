export { type ClaimJobInput, claimJob } from "./claim-job.js";
export {
  type CountRecordingsInput,
  countRecordings,
  type RecordingCount,
  recordingCountQuery,
} from "./count-recordings.js";
export { type FinishJobInput, finishJob } from "./finish-job.js";
export {
  listRecordingSummaries,
  type RecordingSummary,
  recordingSummariesQuery,
} from "./list-recording-summaries.js";
export {
  type ListRecordingsPageInput,
  listRecordingsPage,
  MAX_RECORDINGS_PAGE,
  type RecordingsPage,
} from "./list-recordings-page.js";
export {
  type ActiveTrainingDisclosure,
  type Assignee,
  activeTrainingDisclosures,
  assignedItemsQuery,
  assignmentReaches,
  disclosuresListing,
  playlistAssignedTo,
  type RecordingScope,
  recordingScopeCondition,
} from "./recording-access.js";
export { decodeRecordingCursor, encodeRecordingCursor, type RecordingCursor } from "./recording-cursor.js";
export {
  isDurationOrder,
  RECORDING_ORDERS,
  type RecordingFilters,
  type RecordingOrder,
} from "./recording-filters.js";
