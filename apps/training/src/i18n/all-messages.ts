import { disclosedEn } from "../features/disclosed/messages.en.js";
import { disclosedFi } from "../features/disclosed/messages.fi.js";
import { playlistEditorEn } from "../features/playlists/messages.en.js";
import { playlistEditorFi } from "../features/playlists/messages.fi.js";
import { qualityLoopEn } from "../features/quality/loop-messages.en.js";
import { qualityLoopFi } from "../features/quality/loop-messages.fi.js";
import { qualityCalibrationEn } from "../features/quality/messages.en.js";
import { qualityCalibrationFi } from "../features/quality/messages.fi.js";
import { qualityReviewEn } from "../features/quality/review-messages.en.js";
import { qualityReviewFi } from "../features/quality/review-messages.fi.js";
import { recordingListEn } from "../features/recordings/messages.en.js";
import { recordingListFi } from "../features/recordings/messages.fi.js";
import { en } from "./en.js";
import { fi } from "./fi.js";

/**
 * Namespace `training` as a page sees it once every feature's texts are in: for the tests and the e2e
 * harness only. The app itself loads the catalogue and each feature's texts separately (feature-texts.ts).
 */
export const allMessagesEn = {
  ...en,
  ...qualityLoopEn,
  ...qualityCalibrationEn,
  ...recordingListEn,
  ...qualityReviewEn,
  ...playlistEditorEn,
  ...disclosedEn,
};

export const allMessagesFi: typeof allMessagesEn = {
  ...fi,
  ...qualityLoopFi,
  ...qualityCalibrationFi,
  ...recordingListFi,
  ...qualityReviewFi,
  ...playlistEditorFi,
  ...disclosedFi,
};
