export { type ClaimJobInput, claimJob } from "./claim-job.js";
export { type FinishJobInput, finishJob } from "./finish-job.js";
export {
  type ListRecordingsPageInput,
  listRecordingsPage,
  MAX_RECORDINGS_PAGE,
  type RecordingScope,
  type RecordingsPage,
} from "./list-recordings-page.js";
export { decodeRecordingCursor, encodeRecordingCursor, type RecordingCursor } from "./recording-cursor.js";
