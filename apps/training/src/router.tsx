import { withFeatureMessages } from "@kuulo/ui";
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
} from "@tanstack/react-router";
import { guarded } from "./app/guarded.js";
import { HomePage } from "./app/home-page.js";
import { NotFoundPage } from "./app/not-found-page.js";
import { TrainingLayout } from "./app/training-layout.js";
import { parseRecordingSearch } from "./features/recordings/recording-search.js";
import {
  calibrationTexts,
  disclosedTexts,
  playlistEditorTexts,
  qualityLoopTexts,
  qualityReviewTexts,
  recordingListTexts,
} from "./i18n/feature-texts.js";

// Pages beyond the landing one are their own chunks, with their feature texts: the first load carries
// the shell and sign-in.
const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });
const appRoute = createRoute({ getParentRoute: () => rootRoute, id: "app", component: TrainingLayout });

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: HomePage });

const playerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "training/$playlistId",
  validateSearch: (search: Record<string, unknown>): { item?: string } =>
    typeof search.item === "string" ? { item: search.item } : {},
  component: guarded(
    "playlist.read",
    lazyRouteComponent(
      () => import("./features/playlist-player/playlist-player-page.js"),
      "PlaylistPlayerPage",
    ),
  ),
});

const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "inbox",
  component: lazyRouteComponent(() => import("./features/inbox/inbox-page.js"), "InboxPage"),
});

const myCallsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "my-calls",
  component: guarded(
    "recording.read",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/my-calls/my-calls-page.js"),
        qualityReviewTexts,
        calibrationTexts,
      ),
      "MyCallsPage",
    ),
  ),
});

const myCallRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "my-calls/$recordingId",
  component: guarded(
    "recording.listen",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/my-calls/my-call-page.js"),
        qualityLoopTexts,
        qualityReviewTexts,
      ),
      "MyCallPage",
    ),
  ),
});

const recordingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "recordings",
  validateSearch: parseRecordingSearch,
  component: guarded(
    "playlist.create",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/recordings/recordings-page.js"), recordingListTexts),
      "RecordingsPage",
    ),
  ),
});

const playlistsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "playlists",
  component: guarded(
    "playlist.create",
    lazyRouteComponent(() => import("./features/playlists/playlists-page.js"), "PlaylistsPage"),
  ),
});

const newPlaylistRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "playlists/new",
  component: guarded(
    "playlist.create",
    lazyRouteComponent(() => import("./features/playlists/new-playlist-page.js"), "NewPlaylistPage"),
  ),
});

const editPlaylistRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "playlists/$playlistId",
  component: guarded(
    "playlist.update",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/playlists/playlist-editor-page.js"),
        recordingListTexts,
        playlistEditorTexts,
      ),
      "PlaylistEditorPage",
    ),
  ),
});

const progressRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "playlists/$playlistId/progress",
  component: guarded(
    "progress.read",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/playlists/progress-page.js"), playlistEditorTexts),
      "ProgressPage",
    ),
  ),
});

const disclosedRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "disclosed",
  // self.read: before a disclosure opens its recipient holds no listening right, yet may see when it opens.
  component: guarded(
    "self.read",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/disclosed/disclosed-page.js"), disclosedTexts),
      "DisclosedPage",
    ),
  ),
});

const qualityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality",
  component: guarded(
    "evaluation.create",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/quality/quality-home-page.js"),
        calibrationTexts,
        qualityLoopTexts,
        qualityReviewTexts,
      ),
      "QualityHomePage",
    ),
  ),
});

const evaluateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality/evaluate/$recordingId",
  component: guarded(
    "evaluation.create",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/quality/evaluate-page.js"),
        qualityLoopTexts,
        qualityReviewTexts,
      ),
      "EvaluatePage",
    ),
  ),
});

const calibrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality/calibrations",
  validateSearch: (search: Record<string, unknown>): { started?: boolean } =>
    search.started === true ? { started: true } : {},
  component: guarded(
    "evaluation.create",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/quality/calibrations-page.js"),
        calibrationTexts,
        qualityReviewTexts,
      ),
      "CalibrationsPage",
    ),
  ),
});

const newCalibrationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality/calibrations/new",
  component: guarded(
    "evaluation.calibrate",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/quality/calibration-new-page.js"),
        calibrationTexts,
        recordingListTexts,
        qualityReviewTexts,
      ),
      "CalibrationNewPage",
    ),
  ),
});

const calibrationAnswerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality/calibrations/$calibrationId/answer",
  component: guarded(
    "evaluation.create",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/quality/calibration-answer-page.js"),
        calibrationTexts,
        qualityLoopTexts,
        qualityReviewTexts,
      ),
      "CalibrationAnswerPage",
    ),
  ),
});

const calibrationSpreadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality/calibrations/$calibrationId/spread",
  component: guarded(
    "evaluation.calibrate",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/quality/calibration-spread-page.js"),
        calibrationTexts,
        qualityReviewTexts,
      ),
      "CalibrationSpreadPage",
    ),
  ),
});

const peopleReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality/people",
  validateSearch: (search: Record<string, unknown>): { person?: string } =>
    typeof search.person === "string" ? { person: search.person } : {},
  component: guarded(
    "evaluation.report",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/quality/employee-report-page.js"),
        calibrationTexts,
        qualityReviewTexts,
      ),
      "EmployeeReportPage",
    ),
  ),
});

const routeTree = rootRoute.addChildren([
  appRoute.addChildren([
    homeRoute,
    inboxRoute,
    playerRoute,
    myCallsRoute,
    myCallRoute,
    recordingsRoute,
    playlistsRoute,
    newPlaylistRoute,
    editPlaylistRoute,
    progressRoute,
    disclosedRoute,
    qualityRoute,
    evaluateRoute,
    calibrationsRoute,
    newCalibrationRoute,
    calibrationAnswerRoute,
    calibrationSpreadRoute,
    peopleReportRoute,
  ]),
]);

export function createTrainingRouter() {
  return createRouter({ routeTree, defaultPreload: "intent", scrollRestoration: true });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createTrainingRouter>;
  }
}
