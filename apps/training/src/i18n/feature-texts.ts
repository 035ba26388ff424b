import { featureMessages } from "@kuulo/ui";

/*
 * Each feature's texts (its messages.fi.ts / messages.en.ts), merged into namespace `training` by the
 * routes that show the feature (`withFeatureMessages` in router.tsx), one language at a time: a first
 * visit does not carry them. route-texts.test.ts checks that every route names the texts its pages use.
 */

export const qualityLoopTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/quality/loop-messages.en.js").then((module) => module.qualityLoopEn)
    : import("../features/quality/loop-messages.fi.js").then((module) => module.qualityLoopFi),
);

export const calibrationTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/quality/messages.en.js").then((module) => module.qualityCalibrationEn)
    : import("../features/quality/messages.fi.js").then((module) => module.qualityCalibrationFi),
);

export const recordingListTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/recordings/messages.en.js").then((module) => module.recordingListEn)
    : import("../features/recordings/messages.fi.js").then((module) => module.recordingListFi),
);

export const qualityReviewTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/quality/review-messages.en.js").then((module) => module.qualityReviewEn)
    : import("../features/quality/review-messages.fi.js").then((module) => module.qualityReviewFi),
);

export const playlistEditorTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/playlists/messages.en.js").then((module) => module.playlistEditorEn)
    : import("../features/playlists/messages.fi.js").then((module) => module.playlistEditorFi),
);

export const disclosedTexts = featureMessages((locale) =>
  locale === "en"
    ? import("../features/disclosed/messages.en.js").then((module) => module.disclosedEn)
    : import("../features/disclosed/messages.fi.js").then((module) => module.disclosedFi),
);
