import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DisclosureTestApp, startDisclosureApp, storeRecording } from "./disclosures-harness.js";
import { dataOf } from "./helpers/test-app.js";
import { insertPublishedPlaylist } from "./training-fixtures.js";

/** playlist.list_titles: a privacy officer names a playlist in a disclosure, and gets nothing else of it. */
describe("playlist titles for the privacy officer", () => {
  let app: DisclosureTestApp;
  let officer: string;
  let playlistId: string;
  let recordingId: string;
  beforeAll(async () => {
    app = await startDisclosureApp();
    officer = await app.t.signIn("tietosuoja");
    recordingId = (await storeRecording(app)).id;
    ({ playlistId } = await insertPublishedPlaylist(app.t, { unitCode: "HKI-ASPA", recordingId }));
  });
  afterAll(async () => {
    await app.close();
  });

  it("lists title, unit, status and item count, searched by title, and no content", async () => {
    const found = dataOf<{ items: Record<string, unknown>[] }>(
      await app.t.query("playlists.listTitles", { search: "valmis" }, officer),
    ).items;
    const row = found.find((item) => item.id === playlistId);
    expect(row).toEqual({
      id: playlistId,
      title: "Valmis soittolista",
      unitName: expect.any(String),
      status: "published",
      itemCount: 1,
    });
    expect(JSON.stringify(found)).not.toContain(recordingId);
    const none = dataOf<{ items: unknown[] }>(
      await app.t.query("playlists.listTitles", { search: "ei tällaista" }, officer),
    );
    expect(none.items).toEqual([]);
    const byId = dataOf<{ items: { title: string }[] }>(
      await app.t.query("playlists.listTitles", { playlistId }, officer),
    );
    expect(byId.items.map((item) => item.title)).toEqual(["Valmis soittolista"]);
  });

  it("does not open the playlist or its items to the privacy officer", async () => {
    for (const [path, input] of [
      ["playlists.get", { playlistId }],
      ["playlists.find", {}],
      ["playlists.progress", { playlistId }],
    ] as const) {
      const response = await app.t.query(path, input, officer);
      expect(response.status, path).toBe(403);
    }
  });

  it("is refused to a trainer, an employee and an external trainer", async () => {
    for (const username of ["kouluttaja", "mikko.korhonen", "ulkoinen.kouluttaja"] as const) {
      const cookie = await app.t.signIn(username);
      expect((await app.t.query("playlists.listTitles", {}, cookie)).status, username).toBe(403);
    }
  });
});
