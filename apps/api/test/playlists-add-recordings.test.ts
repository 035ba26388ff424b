import { auditEvents, playlists, recordings } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddRecordingsResult } from "../src/services/playlists/add-recordings.js";
import type { PlaylistDetail } from "../src/services/playlists/playlist-view.js";
import { unitId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp, type TrpcResponse } from "./helpers/test-app.js";
import { insertRecording, insertStaff } from "./training-fixtures.js";

/** Several calls into a playlist (an existing one or a new one) in one call, one transaction, audited. */

let t: TestApp;
let trainer = "";
let hki = "";
let tre = "";
const hkiCalls: string[] = [];
let treCall = "";

const refusal = (response: TrpcResponse) => ({
  status: response.status,
  ...response.body.error?.data.domain,
});
const add = (input: Record<string, unknown>) => t.call("playlists.addRecordings", input, { cookie: trainer });
const auditRows = async (action: string) =>
  t.db.select().from(auditEvents).where(eq(auditEvents.action, action));

beforeAll(async () => {
  t = await createTestApp();
  trainer = await t.signIn("kouluttaja");
  hki = await unitId(t, "HKI-ASPA");
  tre = await unitId(t, "TRE-ASPA");
  const hkiStaff = await insertStaff(t, "HKI-ASPA", "Lahtinen");
  for (const durationMs of [20_000, 45_000, 70_000]) {
    hkiCalls.push(await insertRecording(t, { unitCode: "HKI-ASPA", staffMemberId: hkiStaff, durationMs }));
  }
  const treStaff = await insertStaff(t, "TRE-ASPA", "Mäkelä");
  treCall = await insertRecording(t, { unitCode: "TRE-ASPA", staffMemberId: treStaff, durationMs: 30_000 });
});
afterAll(async () => {
  await t.close();
});

describe("playlists.addRecordings", () => {
  it("adds the chosen calls at the end of an existing playlist as whole-call clips, once each, with one audit row", async () => {
    const created = dataOf<PlaylistDetail>(
      await t.call("playlists.create", { title: "Monivalinta", unitId: hki }, { cookie: trainer }),
    );
    const first = dataOf<AddRecordingsResult>(
      await add({ playlistId: created.id, recordingIds: [hkiCalls[0], hkiCalls[1]] }),
    );
    expect(first).toMatchObject({ added: 2, alreadyThere: 0 });
    const again = dataOf<AddRecordingsResult>(
      await add({ playlistId: created.id, recordingIds: [hkiCalls[1], hkiCalls[2]] }),
    );
    expect(again).toMatchObject({ added: 1, alreadyThere: 1 });
    expect(
      again.playlist.items.map((item) => [
        item.position,
        item.recording?.id,
        item.clipStartMs,
        item.clipEndMs,
      ]),
    ).toEqual([
      [0, hkiCalls[0], 0, 20_000],
      [1, hkiCalls[1], 0, 45_000],
      [2, hkiCalls[2], 0, 70_000],
    ]);
    const rows = (await auditRows("playlist.add_recordings")).filter((row) => row.targetId === created.id);
    expect(rows.map((row) => row.details)).toEqual([
      { added: 2, alreadyThere: 0, itemCount: 2, recordingIds: [hkiCalls[0], hkiCalls[1]] },
      { added: 1, alreadyThere: 1, itemCount: 3, recordingIds: [hkiCalls[2]] },
    ]);
  });

  it("creates a new draft playlist with the calls in one step, audited as a creation too", async () => {
    const result = dataOf<AddRecordingsResult>(
      await add({ newPlaylist: { title: "Uusi valinnasta", unitId: hki }, recordingIds: hkiCalls }),
    );
    expect(result.added).toBe(3);
    expect(result.playlist).toMatchObject({ title: "Uusi valinnasta", status: "draft", unitId: hki });
    const creations = (await auditRows("playlist.create")).filter(
      (row) => row.targetId === result.playlist.id,
    );
    expect(creations).toHaveLength(1);
  });

  it("refuses another unit's call (IDOR in the list) and writes nothing, not even the new playlist", async () => {
    const before = (await t.db.select().from(playlists)).length;
    const refused = await add({
      newPlaylist: { title: "Ei saa syntyä", unitId: hki },
      recordingIds: [hkiCalls[0], treCall],
    });
    expect(refusal(refused)).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((await t.db.select().from(playlists)).length).toBe(before);
  });

  it("refuses a new playlist in another unit, and an unknown call, naming it", async () => {
    expect(
      refusal(await add({ newPlaylist: { title: "Tampere", unitId: tre }, recordingIds: [hkiCalls[0]] })),
    ).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const unknown = await add({
      newPlaylist: { title: "Tuntematon", unitId: hki },
      recordingIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(refusal(unknown)).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("refuses customer data in a new playlist's title, by reason", async () => {
    const refused = await add({
      newPlaylist: { title: "Soita 040 1234567", unitId: hki },
      recordingIds: [hkiCalls[0]],
    });
    expect(refusal(refused)).toMatchObject({ status: 400, code: "VALIDATION" });
  });

  it("keeps a published playlist's calls as training material (retention follows)", async () => {
    const created = dataOf<PlaylistDetail>(
      await t.call("playlists.create", { title: "Julkaistu", unitId: hki }, { cookie: trainer }),
    );
    dataOf(await add({ playlistId: created.id, recordingIds: [hkiCalls[0]] }));
    dataOf(await t.call("playlists.publish", { playlistId: created.id }, { cookie: trainer }));
    dataOf(await add({ playlistId: created.id, recordingIds: [hkiCalls[2]] }));
    const [row] = await t.db
      .select()
      .from(recordings)
      .where(eq(recordings.id, hkiCalls[2] ?? ""));
    expect(row?.retentionCategory).toBe("training");
  });
});
