import { router } from "../../trpc/init.js";
import { addRecordingsProcedure } from "./add-recordings.js";
import { assignPlaylistProcedure } from "./assign.js";
import { assignableUsersProcedure } from "./assignable-users.js";
import { createPlaylistProcedure } from "./create.js";
import { deletePlaylistProcedure } from "./delete.js";
import { findPlaylistsProcedure } from "./find.js";
import { getPlaylistProcedure } from "./get.js";
import { listPlaylistTitlesProcedure } from "./list-titles.js";
import { playlistProgressProcedure } from "./progress.js";
import { publishPlaylistProcedure } from "./publish.js";
import { setPlaylistItemsProcedure } from "./set-items.js";
import { unassignPlaylistProcedure } from "./unassign.js";
import { unpublishPlaylistProcedure } from "./unpublish.js";
import { updatePlaylistProcedure } from "./update.js";

export const playlistsRouter = router({
  find: findPlaylistsProcedure,
  get: getPlaylistProcedure,
  listTitles: listPlaylistTitlesProcedure,
  create: createPlaylistProcedure,
  update: updatePlaylistProcedure,
  setItems: setPlaylistItemsProcedure,
  addRecordings: addRecordingsProcedure,
  publish: publishPlaylistProcedure,
  unpublish: unpublishPlaylistProcedure,
  delete: deletePlaylistProcedure,
  assign: assignPlaylistProcedure,
  unassign: unassignPlaylistProcedure,
  assignableUsers: assignableUsersProcedure,
  progress: playlistProgressProcedure,
});
