import { z } from "zod";
import { findAssignableUsers } from "../../services/playlists/find-assignable-users.js";
import { requirePermission } from "../../trpc/procedures.js";
import { PlaylistId } from "./schemas.js";

export const AssignableUsersInput = PlaylistId.extend({
  search: z.string().trim().max(100).optional(),
});

export const assignableUsersProcedure = requirePermission("playlist.assign")
  .input(AssignableUsersInput)
  .query(({ ctx, input }) => findAssignableUsers({ ctx, input }));
