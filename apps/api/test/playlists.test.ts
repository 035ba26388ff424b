import { auditEvents, listeningProgress, playlistItems, playlists, recordings } from "@kuulo/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlaylistDetail, PlaylistSummary } from "../src/services/playlists/playlist-view.js";
import type { PlaylistProgressView } from "../src/services/playlists/progress.js";
import { unitId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp, type TrpcResponse } from "./helpers/test-app.js";
import { insertRecording, insertStaff, signedInUser } from "./training-fixtures.js";

/**
 * The trainer's side of playlists through the real HTTP stack (PGlite, or PostgreSQL with DATABASE_URL):
 * curating within scope, IDOR inside the nested items array, the personal-data guard (R4), publishing,
 * assigning, deleting, and items removed under retention.
 */

let t: TestApp;
let trainer = "";
let employee = "";
const rec = { hki1: "", hki2: "", tre: "" };
let hki = "";
let tre = "";

const refusal = (response: TrpcResponse) => ({
  status: response.status,
  ...response.body.error?.data.domain,
});

async function createPlaylist(title = "Vastaväitteiden käsittely", unit = hki): Promise<PlaylistDetail> {
  return dataOf<PlaylistDetail>(
    await t.call(
      "playlists.create",
      { title, description: "Kaksi hyvää esimerkkiä", unitId: unit },
      { cookie: trainer },
    ),
  );
}

const twoItems = () => [
  { recordingId: rec.hki1, clipStartMs: 1000, clipEndMs: 20_000, note: "Kuuntele avaus" },
  { recordingId: rec.hki2, clipStartMs: 0, clipEndMs: 30_000, note: "Huomaa yhteenveto" },
];

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await t.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.targetId, targetId))
    .orderBy(auditEvents.seq);
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  t = await createTestApp();
  trainer = await t.signIn("kouluttaja");
  employee = await t.signIn("mikko.korhonen");
  hki = await unitId(t, "HKI-ASPA");
  tre = await unitId(t, "TRE-ASPA");
  const hkiStaff = await insertStaff(t, "HKI-ASPA", "Virtanen");
  const treStaff = await insertStaff(t, "TRE-ASPA", "Nieminen");
  rec.hki1 = await insertRecording(t, { unitCode: "HKI-ASPA", staffMemberId: hkiStaff, durationMs: 45_000 });
  rec.hki2 = await insertRecording(t, { unitCode: "HKI-ASPA", staffMemberId: hkiStaff, durationMs: 30_000 });
  rec.tre = await insertRecording(t, { unitCode: "TRE-ASPA", staffMemberId: treStaff, durationMs: 50_000 });
});

afterAll(async () => {
  await t.close();
});

describe("building a playlist in the trainer's unit", () => {
  it("creates a draft, sets two clipped items with notes, and shows recording summaries", async () => {
    const created = await createPlaylist();
    expect(created).toMatchObject({ status: "draft", unitId: hki, itemCount: 0, items: [] });
    const detail = dataOf<PlaylistDetail>(
      await t.call("playlists.setItems", { playlistId: created.id, items: twoItems() }, { cookie: trainer }),
    );
    expect(detail.items.map((item) => [item.position, item.clipStartMs, item.clipEndMs, item.note])).toEqual([
      [0, 1000, 20_000, "Kuuntele avaus"],
      [1, 0, 30_000, "Huomaa yhteenveto"],
    ]);
    expect(detail.items[0]?.recording).toMatchObject({
      id: rec.hki1,
      durationMs: 45_000,
      staffName: "Saara Virtanen",
    });
    expect(detail.items[0]?.removedReason).toBeNull();
    const got = dataOf<PlaylistDetail>(await t.query("playlists.get", { playlistId: created.id }, trainer));
    expect(got.items.map((item) => item.id)).toEqual(detail.items.map((item) => item.id));
    expect(await auditActions(created.id)).toEqual(["playlist.create", "playlist.set_items"]);
  });

  it("refuses another unit's recording hidden in the nested items array, writing nothing (IDOR)", async () => {
    const created = await createPlaylist();
    dataOf(
      await t.call("playlists.setItems", { playlistId: created.id, items: twoItems() }, { cookie: trainer }),
    );
    const sneaky = [twoItems()[0], { recordingId: rec.tre, clipStartMs: 0, clipEndMs: 10_000, note: "" }];
    const response = await t.call(
      "playlists.setItems",
      { playlistId: created.id, items: sneaky },
      { cookie: trainer },
    );
    expect(refusal(response)).toMatchObject({ status: 403, code: "FORBIDDEN", rule: "R10" });
    const items = await t.db.select().from(playlistItems).where(eq(playlistItems.playlistId, created.id));
    expect(items.map((item) => item.recordingId).sort()).toEqual([rec.hki1, rec.hki2].sort());
    const [denial] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "access.denied"), eq(auditEvents.targetId, rec.tre)));
    expect(denial).toMatchObject({ outcome: "denied", targetType: "recording" });
    // Paired allowed case: the same list with only HKI recordings is accepted.
    expect(
      (await t.call("playlists.setItems", { playlistId: created.id, items: twoItems() }, { cookie: trainer }))
        .status,
    ).toBe(200);
  });

  it("refuses unknown recordings and clips outside the recording, naming the item's field", async () => {
    const created = await createPlaylist();
    const unknown = await t.call(
      "playlists.setItems",
      {
        playlistId: created.id,
        items: [{ recordingId: crypto.randomUUID(), clipStartMs: 0, clipEndMs: 10, note: "" }],
      },
      { cookie: trainer },
    );
    expect(refusal(unknown)).toMatchObject({ status: 404, code: "NOT_FOUND", field: "items.0.recordingId" });
    const beyond = await t.call(
      "playlists.setItems",
      {
        playlistId: created.id,
        items: [twoItems()[0], { recordingId: rec.hki2, clipStartMs: 0, clipEndMs: 30_001, note: "" }],
      },
      { cookie: trainer },
    );
    expect(refusal(beyond)).toMatchObject({ status: 400, code: "VALIDATION", field: "items.1.clipEndMs" });
    const backwards = await t.call(
      "playlists.setItems",
      {
        playlistId: created.id,
        items: [{ recordingId: rec.hki2, clipStartMs: 5000, clipEndMs: 5000, note: "" }],
      },
      { cookie: trainer },
    );
    expect(refusal(backwards)).toMatchObject({ status: 400, field: "items.0.clipEndMs" });
  });

  it("refuses a phone number in a note, and an e-mail in a title, naming field and rule R4", async () => {
    const created = await createPlaylist();
    const items = [twoItems()[0], { ...twoItems()[1], note: "Asiakas soitti numerosta 040 123 4567" }];
    const response = await t.call(
      "playlists.setItems",
      { playlistId: created.id, items },
      { cookie: trainer },
    );
    expect(refusal(response)).toMatchObject({
      status: 400,
      code: "VALIDATION",
      field: "items.1.note",
      rule: "R4",
      reason: "personal_data.phone",
    });
    expect(response.body.error?.message).not.toContain("040 123 4567");
    const title = await t.call(
      "playlists.create",
      { title: "Palaute matti@example.fi", unitId: hki },
      { cookie: trainer },
    );
    expect(refusal(title)).toMatchObject({
      status: 400,
      field: "title",
      rule: "R4",
      reason: "personal_data.email",
    });
    const description = await t.call(
      "playlists.update",
      { playlistId: created.id, description: "asiakasnumero 123456" },
      { cookie: trainer },
    );
    expect(refusal(description)).toMatchObject({ status: 400, field: "description", rule: "R4" });
    const unchanged = await t.db.select().from(playlistItems).where(eq(playlistItems.playlistId, created.id));
    expect(unchanged).toEqual([]);
  });
});

describe("another unit's playlists", () => {
  let foreign = "";
  beforeAll(async () => {
    const [row] = await t.db.insert(playlists).values({ title: "Tampereen lista", unitId: tre }).returning();
    foreign = row?.id ?? "";
  });

  it.each([
    ["playlists.get", "query", () => ({ playlistId: foreign })],
    ["playlists.update", "mutation", () => ({ playlistId: foreign, title: "Kaapattu" })],
    ["playlists.setItems", "mutation", () => ({ playlistId: foreign, items: [] })],
    ["playlists.publish", "mutation", () => ({ playlistId: foreign })],
    ["playlists.delete", "mutation", () => ({ playlistId: foreign, confirm: true })],
    ["playlists.assign", "mutation", () => ({ playlistId: foreign, unitIds: [hki] })],
    ["playlists.progress", "query", () => ({ playlistId: foreign })],
  ] as const)("%s is FORBIDDEN for a trainer of another unit", async (path, kind, input) => {
    const response = await t.call(path, input(), { cookie: trainer, kind });
    expect(refusal(response)).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const [row] = await t.db.select().from(playlists).where(eq(playlists.id, foreign));
    expect(row).toMatchObject({ title: "Tampereen lista", status: "draft" });
  });

  it("refuses creating a playlist in another unit, and find lists only the trainer's units", async () => {
    expect(refusal(await createPlaylistResponse(tre))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const page = dataOf<{ items: PlaylistSummary[] }>(
      await t.query("playlists.find", { limit: 100 }, trainer),
    );
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.unitId === hki)).toBe(true);
    expect(page.items.map((item) => item.id)).not.toContain(foreign);
  });

  it("is not browsable by an employee (they use training.myPlaylists)", async () => {
    expect(refusal(await t.query("playlists.find", {}, employee))).toMatchObject({ status: 403 });
  });
});

async function createPlaylistResponse(unit: string) {
  return t.call("playlists.create", { title: "Uusi", unitId: unit }, { cookie: trainer });
}

describe("publishing, assigning, progress and deleting", () => {
  it("refuses to publish an empty playlist, then publishes and unpublishes", async () => {
    const created = await createPlaylist("Julkaistava");
    expect(
      refusal(await t.call("playlists.publish", { playlistId: created.id }, { cookie: trainer })),
    ).toMatchObject({
      status: 412,
      reason: "playlist.empty",
    });
    dataOf(
      await t.call("playlists.setItems", { playlistId: created.id, items: twoItems() }, { cookie: trainer }),
    );
    const published = dataOf<PlaylistDetail>(
      await t.call("playlists.publish", { playlistId: created.id }, { cookie: trainer }),
    );
    expect(published.status).toBe("published");
    expect(published.publishedAt).toBe(t.clock.now().toISOString());
    // R13: recordings in a published playlist are training material, kept for the training period.
    const categories = async () =>
      (
        await t.db
          .select()
          .from(recordings)
          .where(inArray(recordings.id, [rec.hki1, rec.hki2]))
      ).map((row) => row.retentionCategory);
    expect(await categories()).toEqual(["training", "training"]);
    const draft = dataOf<PlaylistDetail>(
      await t.call("playlists.unpublish", { playlistId: created.id }, { cookie: trainer }),
    );
    expect(draft).toMatchObject({ status: "draft", publishedAt: null });
    expect(await categories()).toEqual(["ordinary", "ordinary"]);
    expect(await auditActions(created.id)).toEqual([
      "playlist.create",
      "playlist.set_items",
      "playlist.publish",
      "playlist.unpublish",
    ]);
  });

  it("assigns to units and named employees only within the trainer's scope", async () => {
    const created = await createPlaylist("Jaettava");
    const treEmployee = await signedInUser(t, [{ role: "employee", unitCode: "TRE-ASPA" }]);
    const hkiEmployee = await signedInUser(t, [{ role: "employee", unitCode: "HKI-ASPA" }]);
    const otherUnit = await t.call(
      "playlists.assign",
      { playlistId: created.id, unitIds: [tre] },
      { cookie: trainer },
    );
    expect(refusal(otherUnit)).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const otherPerson = await t.call(
      "playlists.assign",
      { playlistId: created.id, unitIds: [hki], userIds: [hkiEmployee.id, treEmployee.id] },
      { cookie: trainer },
    );
    expect(refusal(otherPerson)).toMatchObject({ status: 403, field: "userIds.1" });
    const assigned = dataOf<PlaylistDetail>(
      await t.call(
        "playlists.assign",
        { playlistId: created.id, unitIds: [hki], userIds: [hkiEmployee.id] },
        { cookie: trainer },
      ),
    );
    expect(assigned.assignments.map((a) => [a.kind, a.unitId ?? a.userId]).sort()).toEqual(
      [
        ["unit", hki],
        ["user", hkiEmployee.id],
      ].sort(),
    );
    // Assigning again is harmless; unassigning removes only what is named.
    dataOf(await t.call("playlists.assign", { playlistId: created.id, unitIds: [hki] }, { cookie: trainer }));
    const after = dataOf<PlaylistDetail>(
      await t.call(
        "playlists.unassign",
        { playlistId: created.id, userIds: [hkiEmployee.id] },
        { cookie: trainer },
      ),
    );
    expect(after.assignments.map((a) => a.kind)).toEqual(["unit"]);
    expect(await auditActions(created.id)).toEqual([
      "playlist.create",
      "playlist.assign",
      "playlist.unassign",
    ]);
  });

  it("shows each assignee's progress, and deletes a published playlist only when confirmed", async () => {
    const created = await createPlaylist("Seurattava");
    const detail = dataOf<PlaylistDetail>(
      await t.call("playlists.setItems", { playlistId: created.id, items: twoItems() }, { cookie: trainer }),
    );
    dataOf(await t.call("playlists.publish", { playlistId: created.id }, { cookie: trainer }));
    dataOf(await t.call("playlists.assign", { playlistId: created.id, unitIds: [hki] }, { cookie: trainer }));
    const first = detail.items[0];
    if (!first) throw new Error("no item");
    dataOf(
      await t.call(
        "training.recordProgress",
        { playlistItemId: first.id, intervals: [[1000, 20_000]], positionMs: 20_000 },
        { cookie: employee },
      ),
    );
    const progress = dataOf<PlaylistProgressView>(
      await t.query("playlists.progress", { playlistId: created.id }, trainer),
    );
    const mikko = progress.assignees.find((assignee) => assignee.username === "mikko.korhonen");
    expect(mikko).toMatchObject({ itemsTotal: 2, itemsCompleted: 1, listenedMs: 19_000, via: ["unit"] });
    expect(mikko?.lastActivityAt).toBe(t.clock.now().toISOString());
    expect(progress.items.map((item) => item.clipMs)).toEqual([19_000, 30_000]);

    const unconfirmed = await t.call("playlists.delete", { playlistId: created.id }, { cookie: trainer });
    expect(refusal(unconfirmed)).toMatchObject({ status: 412, reason: "playlist.delete_needs_confirmation" });
    expect(
      dataOf(
        await t.call("playlists.delete", { playlistId: created.id, confirm: true }, { cookie: trainer }),
      ),
    ).toEqual({
      deleted: true,
      playlistId: created.id,
    });
    expect(await t.db.select().from(playlists).where(eq(playlists.id, created.id))).toEqual([]);
    expect(
      await t.db.select().from(listeningProgress).where(eq(listeningProgress.playlistItemId, first.id)),
    ).toEqual([]);
    expect((await auditActions(created.id)).at(-1)).toBe("playlist.delete");
  });

  it("deletes an untouched draft without confirmation", async () => {
    const created = await createPlaylist("Luonnos");
    expect((await t.call("playlists.delete", { playlistId: created.id }, { cookie: trainer })).status).toBe(
      200,
    );
  });
});

describe("editing keeps listeners' progress where the clip is unchanged", () => {
  it("keeps progress of a kept item, drops it when the clip changes", async () => {
    const created = await createPlaylist("Muokattava");
    const detail = dataOf<PlaylistDetail>(
      await t.call("playlists.setItems", { playlistId: created.id, items: twoItems() }, { cookie: trainer }),
    );
    dataOf(await t.call("playlists.publish", { playlistId: created.id }, { cookie: trainer }));
    dataOf(await t.call("playlists.assign", { playlistId: created.id, unitIds: [hki] }, { cookie: trainer }));
    const [a, b] = detail.items;
    if (!a || !b) throw new Error("items missing");
    for (const item of [a, b]) {
      dataOf(
        await t.call(
          "training.recordProgress",
          {
            playlistItemId: item.id,
            intervals: [[item.clipStartMs, item.clipStartMs + 2000]],
            positionMs: 0,
          },
          { cookie: employee },
        ),
      );
    }
    // Reorder (b first), re-note a, change b's clip.
    const reordered = dataOf<PlaylistDetail>(
      await t.call(
        "playlists.setItems",
        {
          playlistId: created.id,
          items: [
            { itemId: b.id, recordingId: rec.hki2, clipStartMs: 0, clipEndMs: 25_000, note: "Lyhennetty" },
            {
              itemId: a.id,
              recordingId: rec.hki1,
              clipStartMs: 1000,
              clipEndMs: 20_000,
              note: "Uusi huomio",
            },
          ],
        },
        { cookie: trainer },
      ),
    );
    expect(reordered.items.map((item) => [item.id, item.position, item.note])).toEqual([
      [b.id, 0, "Lyhennetty"],
      [a.id, 1, "Uusi huomio"],
    ]);
    const progressRows = await t.db.select().from(listeningProgress);
    expect(progressRows.some((row) => row.playlistItemId === a.id)).toBe(true);
    expect(progressRows.some((row) => row.playlistItemId === b.id)).toBe(false);
    const stranger = await t.call(
      "playlists.setItems",
      {
        playlistId: created.id,
        items: [
          { itemId: crypto.randomUUID(), recordingId: rec.hki1, clipStartMs: 0, clipEndMs: 100, note: "" },
        ],
      },
      { cookie: trainer },
    );
    expect(refusal(stranger)).toMatchObject({ status: 404, field: "items.0.itemId" });
  });
});

describe("an item whose recording was purged under retention", () => {
  it("keeps its place and note and is shown as removed under retention", async () => {
    const created = await createPlaylist("Vanha lista");
    const detail = dataOf<PlaylistDetail>(
      await t.call("playlists.setItems", { playlistId: created.id, items: twoItems() }, { cookie: trainer }),
    );
    const first = detail.items[0];
    if (!first) throw new Error("no item");
    // What the retention purge does to items of a purged recording.
    await t.db
      .update(playlistItems)
      .set({ recordingId: null, removedReason: "retention" })
      .where(eq(playlistItems.id, first.id));
    const got = dataOf<PlaylistDetail>(await t.query("playlists.get", { playlistId: created.id }, trainer));
    expect(got.items[0]).toMatchObject({
      id: first.id,
      position: 0,
      note: "Kuuntele avaus",
      recording: null,
      removedReason: "retention",
    });
    expect(got.removedItemCount).toBe(1);
    // The trainer can keep (and move) the removed item, but not give it a recording it never had.
    const kept = dataOf<PlaylistDetail>(
      await t.call(
        "playlists.setItems",
        {
          playlistId: created.id,
          items: [
            { ...twoItems()[1], itemId: got.items[1]?.id },
            {
              itemId: first.id,
              recordingId: null,
              clipStartMs: 0,
              clipEndMs: null,
              note: "Poistettu säilytysajan päätyttyä",
            },
          ],
        },
        { cookie: trainer },
      ),
    );
    expect(kept.items[1]).toMatchObject({
      id: first.id,
      removedReason: "retention",
      recording: null,
      position: 1,
    });
    const addRemoved = await t.call(
      "playlists.setItems",
      { playlistId: created.id, items: [{ recordingId: null, clipStartMs: 0, clipEndMs: null, note: "" }] },
      { cookie: trainer },
    );
    expect(refusal(addRemoved)).toMatchObject({ status: 400, field: "items.0.recordingId" });
  });
});
