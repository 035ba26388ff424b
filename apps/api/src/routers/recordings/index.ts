import { router } from "../../trpc/init.js";
import { countRecordingsProcedure } from "./count.js";
import { findRecordingsProcedure } from "./find.js";
import { getRecordingProcedure } from "./get.js";
import { staffMembersProcedure } from "./staff-members.js";

/**
 * Search within the caller's `recording.read` scope (unit grants, own calls, assigned playlists):
 * - find: keyset pages (opaque cursor carrying the sort order; never OFFSET), limit ≤ 100, newest or oldest first;
 * - get: an existing recording outside the scope is FORBIDDEN (audited), a missing or purged one NOT_FOUND;
 * - count: exact up to 10,000, then `{ count: 10000, capped: true }` ("10,000+");
 * - staffMembers: the people to filter by.
 * Every answer is audited as a `recording.read` (one row per query, with the filter); a unit filter outside
 * a unit-scoped caller's units is refused, not answered empty.
 */
export const recordingsRouter = router({
  find: findRecordingsProcedure,
  get: getRecordingProcedure,
  count: countRecordingsProcedure,
  staffMembers: staffMembersProcedure,
});
