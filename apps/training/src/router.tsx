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

// Pages beyond the landing one are their own chunks: the first load carries the shell and sign-in.
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

const myCallsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "my-calls",
  component: guarded(
    "recording.read",
    lazyRouteComponent(() => import("./features/my-calls/my-calls-page.js"), "MyCallsPage"),
  ),
});

const myCallRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "my-calls/$recordingId",
  component: guarded(
    "recording.listen",
    lazyRouteComponent(() => import("./features/my-calls/my-call-page.js"), "MyCallPage"),
  ),
});

const recordingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "recordings",
  validateSearch: parseRecordingSearch,
  component: guarded(
    "playlist.create",
    lazyRouteComponent(() => import("./features/recordings/recordings-page.js"), "RecordingsPage"),
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
    lazyRouteComponent(() => import("./features/playlists/playlist-editor-page.js"), "PlaylistEditorPage"),
  ),
});

const progressRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "playlists/$playlistId/progress",
  component: guarded(
    "progress.read",
    lazyRouteComponent(() => import("./features/playlists/progress-page.js"), "ProgressPage"),
  ),
});

const disclosedRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "disclosed",
  component: guarded(
    "recording.listen",
    lazyRouteComponent(() => import("./features/disclosed/disclosed-page.js"), "DisclosedPage"),
  ),
});

const qualityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality",
  component: guarded(
    "evaluation.create",
    lazyRouteComponent(() => import("./features/quality/quality-home-page.js"), "QualityHomePage"),
  ),
});

const evaluateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality/evaluate/$recordingId",
  component: guarded(
    "evaluation.create",
    lazyRouteComponent(() => import("./features/quality/evaluate-page.js"), "EvaluatePage"),
  ),
});

const routeTree = rootRoute.addChildren([
  appRoute.addChildren([
    homeRoute,
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
