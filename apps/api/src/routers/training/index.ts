import { router } from "../../trpc/init.js";
import { disclosedRecordingsProcedure } from "./disclosed-recordings.js";
import { myCallsProcedure } from "./my-calls.js";
import { myPlaylistsProcedure } from "./my-playlists.js";
import { trainingPlaylistProcedure } from "./playlist.js";
import { recordProgressProcedure } from "./record-progress.js";
import { upcomingDisclosuresProcedure } from "./upcoming-disclosures.js";
import { whoListenedToMyCallsProcedure } from "./who-listened-to-my-calls.js";

export const trainingRouter = router({
  myPlaylists: myPlaylistsProcedure,
  playlist: trainingPlaylistProcedure,
  recordProgress: recordProgressProcedure,
  myCalls: myCallsProcedure,
  whoListenedToMyCalls: whoListenedToMyCallsProcedure,
  disclosedRecordings: disclosedRecordingsProcedure,
  upcomingDisclosures: upcomingDisclosuresProcedure,
});
