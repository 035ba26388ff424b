import { auditEvents, playlistAssignments, playlistItems, users } from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlaylistDetail } from "../src/services/playlists/playlist-view.js";
import { recordListeningSession } from "../src/services/recordings/record-listening-session.js";
import type { DisclosedSet } from "../src/services/training/disclosed-recordings.js";
import type { MyCall } from "../src/services/training/my-calls.js";
import type { MyPlaylist } from "../src/services/training/my-playlists.js";
import type { TrainingPlaylistView } from "../src/services/training/playlist.js";
import type { RecordedProgress } from "../src/services/training/record-progress.js";
import type { ListenEvent } from "../src/services/training/who-listened-to-my-calls.js";
import { unitId, userId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp, type TrpcResponse } from "./helpers/test-app.js";
import {
  insertActiveDisclosure,
  insertRecording,
  insertStaff,
  signedInUser,
  staffMemberOf,
} from "./training-fixtures.js";

/**
 * The learner's side: a trainer builds, publishes and assigns a two-item playlist to HKI-ASPA; Mikko
 * (employee there) finds it, plays it and completes items only by actually playing ≥ 90 % of each clip;
 * an employee of another unit can neither see nor open it. Plus own calls, who listened, disclosures.
 */

let t: TestApp;
let trainer = "";
let mikko = "";
let playlist: PlaylistDetail;
const rec = { a: "", b: "", mikkoOwn: "", other: "" };

const refusal = (response: TrpcResponse) => ({
  status: response.status,
  ...response.body.error?.data.domain,
});

const progress = async (
  cookie: string,
  playlistItemId: string,
  intervals: [number, number][],
  positionMs: number,
) => t.call("training.recordProgress", { playlistItemId, intervals, positionMs }, { cookie });

beforeAll(async () => {
  t = await createTestApp();
  trainer = await t.signIn("kouluttaja");
  mikko = await t.signIn("mikko.korhonen");
  const colleague = await insertStaff(t, "HKI-ASPA", "Kollega");
  rec.a = await insertRecording(t, { unitCode: "HKI-ASPA", staffMemberId: colleague, durationMs: 40_000 });
  rec.b = await insertRecording(t, { unitCode: "HKI-ASPA", staffMemberId: colleague, durationMs: 20_000 });
  rec.mikkoOwn = await insertRecording(t, {
    unitCode: "HKI-ASPA",
    staffMemberId: await staffMemberOf(t, "mikko.korhonen"),
    durationMs: 15_000,
  });
  rec.other = await insertRecording(t, {
    unitCode: "TRE-ASPA",
    staffMemberId: await insertStaff(t, "TRE-ASPA"),
  });
  const created = dataOf<PlaylistDetail>(
    await t.call(
      "playlists.create",
      { title: "Perehdytys", unitId: await unitId(t, "HKI-ASPA") },
      { cookie: trainer },
    ),
  );
  dataOf(
    await t.call(
      "playlists.setItems",
      {
        playlistId: created.id,
        items: [
          { recordingId: rec.a, clipStartMs: 10_000, clipEndMs: 30_000, note: "Tervehdys" },
          { recordingId: rec.mikkoOwn, clipStartMs: 0, clipEndMs: 10_000, note: "Lopetus" },
        ],
      },
      { cookie: trainer },
    ),
  );
  dataOf(await t.call("playlists.publish", { playlistId: created.id }, { cookie: trainer }));
  playlist = dataOf<PlaylistDetail>(
    await t.call(
      "playlists.assign",
      { playlistId: created.id, unitIds: [await unitId(t, "HKI-ASPA")] },
      { cookie: trainer },
    ),
  );
});

afterAll(async () => {
  await t.close();
});

const item = (index: number) => {
  const found = playlist.items[index];
  if (!found) throw new Error(`no item ${index}`);
  return found;
};

describe("my training", () => {
  it("lists the playlist assigned to my unit with my progress", async () => {
    const { items } = dataOf<{ items: MyPlaylist[] }>(
      await t.query("training.myPlaylists", undefined, mikko),
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: playlist.id,
      title: "Perehdytys",
      via: ["unit"],
      itemsTotal: 2,
      itemsCompleted: 0,
      listenedMs: 0,
      completed: false,
    });
  });

  it("opens the playlist with items, clip ranges, notes and a resume point at the first clip", async () => {
    const view = dataOf<TrainingPlaylistView>(
      await t.query("training.playlist", { playlistId: playlist.id }, mikko),
    );
    expect(view.access).toBe("assigned");
    expect(view.items.map((entry) => [entry.clipStartMs, entry.clipEndMs, entry.note])).toEqual([
      [10_000, 30_000, "Tervehdys"],
      [0, 10_000, "Lopetus"],
    ]);
    expect(view.items[0]?.recording).toEqual({
      id: rec.a,
      callStartedAt: expect.any(String),
      durationMs: 40_000,
      hasPeaks: true,
    });
    expect(view.resume).toEqual({ itemId: item(0).id, positionMs: 10_000 });
  });

  it("does not complete an item from one tiny interval, nor from replaying the same stretch", async () => {
    const first = item(0).id;
    for (let i = 0; i < 3; i += 1) {
      const result = dataOf<RecordedProgress>(await progress(mikko, first, [[10_000, 10_500]], 10_500));
      expect(result).toMatchObject({ listenedMs: 500, completed: false, positionMs: 10_500 });
    }
    // A seek to the end is a position, not listening.
    const seek = dataOf<RecordedProgress>(await progress(mikko, first, [], 30_000));
    expect(seek).toMatchObject({ listenedMs: 500, completed: false, positionMs: 30_000 });
  });

  it("completes the item once ≥ 90 % of the clip has actually been played, and audits that once", async () => {
    const first = item(0).id;
    // 10.5–27.9 s more: 17.9 s of a 20 s clip (89.5 %) — not yet.
    const almost = dataOf<RecordedProgress>(await progress(mikko, first, [[10_400, 27_900]], 27_900));
    expect(almost).toMatchObject({ listenedMs: 17_900, completed: false });
    // Intervals outside the clip count only inside it; 28.0–28.1 s brings it to 18.0 s (90 %).
    t.clock.advanceSeconds(5);
    const done = dataOf<RecordedProgress>(
      await progress(
        mikko,
        first,
        [
          [27_900, 28_000],
          [35_000, 39_000],
        ],
        28_000,
      ),
    );
    expect(done).toMatchObject({
      listenedMs: 18_000,
      completed: true,
      completedAt: t.clock.now().toISOString(),
    });
    expect(done.playedIntervals).toEqual([[10_000, 28_000]]);
    const again = dataOf<RecordedProgress>(await progress(mikko, first, [[10_000, 28_000]], 28_000));
    expect(again).toMatchObject({ listenedMs: 18_000, completed: true, completedAt: done.completedAt });
    const completions = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "progress.complete"), eq(auditEvents.targetId, first)));
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ actorLabel: "mikko.korhonen", targetType: "playlist_item" });
  });

  it("keeps progress across sessions (another device) and resumes where I left off", async () => {
    const second = item(1).id;
    t.clock.advanceSeconds(10);
    dataOf(await progress(mikko, second, [[0, 4000]], 4000));
    const otherDevice = await t.signIn("mikko.korhonen");
    const view = dataOf<TrainingPlaylistView>(
      await t.query("training.playlist", { playlistId: playlist.id }, otherDevice),
    );
    expect(view).toMatchObject({ itemsTotal: 2, itemsCompleted: 1, listenedMs: 22_000 });
    expect(view.items[0]?.progress).toMatchObject({ completed: true, listenedMs: 18_000 });
    expect(view.resume).toEqual({ itemId: second, positionMs: 4000 });
    const { items } = dataOf<{ items: MyPlaylist[] }>(
      await t.query("training.myPlaylists", undefined, otherDevice),
    );
    expect(items[0]).toMatchObject({ itemsCompleted: 1, listenedMs: 22_000, completed: false });
  });

  it("refuses intervals beyond the recording and items of removed recordings", async () => {
    expect(refusal(await progress(mikko, item(1).id, [[0, 16_001]], 0))).toMatchObject({
      status: 400,
      field: "intervals.0",
    });
    expect(refusal(await progress(mikko, item(1).id, [[5000, 4000]], 0))).toMatchObject({ status: 400 });
    // A few milliseconds of codec padding past the end are clamped to the clip, not refused.
    const padded = dataOf<RecordedProgress>(await progress(mikko, item(1).id, [[9_900, 15_400]], 15_400));
    expect(padded).toMatchObject({ positionMs: 10_000, maxPositionMs: 10_000 });
  });

  it("sorts unfinished playlists before finished ones", async () => {
    const own = await t.call(
      "training.recordProgress",
      { playlistItemId: item(1).id, intervals: [[0, 10_000]], positionMs: 10_000 },
      { cookie: mikko },
    );
    expect(dataOf<RecordedProgress>(own).completed).toBe(true);
    const second = dataOf<PlaylistDetail>(
      await t.call(
        "playlists.create",
        { title: "Jatko", unitId: await unitId(t, "HKI-ASPA") },
        { cookie: trainer },
      ),
    );
    dataOf(
      await t.call(
        "playlists.setItems",
        {
          playlistId: second.id,
          items: [{ recordingId: rec.b, clipStartMs: 0, clipEndMs: 20_000, note: "" }],
        },
        { cookie: trainer },
      ),
    );
    dataOf(await t.call("playlists.publish", { playlistId: second.id }, { cookie: trainer }));
    dataOf(
      await t.call(
        "playlists.assign",
        { playlistId: second.id, userIds: [await userId(t, "mikko.korhonen")] },
        { cookie: trainer },
      ),
    );
    const { items } = dataOf<{ items: MyPlaylist[] }>(
      await t.query("training.myPlaylists", undefined, mikko),
    );
    expect(items.map((entry) => [entry.title, entry.completed, entry.via])).toEqual([
      ["Jatko", false, ["user"]],
      ["Perehdytys", true, ["unit"]],
    ]);
  });
});

describe("concurrent reports", () => {
  it("merges parallel reports from several devices and completes exactly once", async () => {
    const created = dataOf<PlaylistDetail>(
      await t.call(
        "playlists.create",
        { title: "Rinnakkain", unitId: await unitId(t, "HKI-ASPA") },
        { cookie: trainer },
      ),
    );
    const detail = dataOf<PlaylistDetail>(
      await t.call(
        "playlists.setItems",
        {
          playlistId: created.id,
          items: [{ recordingId: rec.b, clipStartMs: 0, clipEndMs: 20_000, note: "" }],
        },
        { cookie: trainer },
      ),
    );
    dataOf(await t.call("playlists.publish", { playlistId: created.id }, { cookie: trainer }));
    dataOf(
      await t.call(
        "playlists.assign",
        { playlistId: created.id, userIds: [await userId(t, "mikko.korhonen")] },
        { cookie: trainer },
      ),
    );
    const itemId = detail.items[0]?.id ?? "";
    const devices = [mikko, await t.signIn("mikko.korhonen")];
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        progress(devices[i % 2] ?? mikko, itemId, [[i * 2000, (i + 1) * 2000]], (i + 1) * 2000),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const view = dataOf<TrainingPlaylistView>(
      await t.query("training.playlist", { playlistId: created.id }, mikko),
    );
    expect(view.items[0]?.progress).toMatchObject({
      listenedMs: 20_000,
      completed: true,
      playedIntervals: [[0, 20_000]],
    });
    const completions = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "progress.complete"), eq(auditEvents.targetId, itemId)));
    expect(completions).toHaveLength(1);
  });
});

describe("an employee of another unit", () => {
  it("does not see the playlist and cannot open it or record progress on it", async () => {
    const stranger = await signedInUser(t, [{ role: "employee", unitCode: "TRE-ASPA" }]);
    const { items } = dataOf<{ items: MyPlaylist[] }>(
      await t.query("training.myPlaylists", undefined, stranger.cookie),
    );
    expect(items).toEqual([]);
    expect(
      refusal(await t.query("training.playlist", { playlistId: playlist.id }, stranger.cookie)),
    ).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    expect(refusal(await progress(stranger.cookie, item(0).id, [[10_000, 30_000]], 0))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    // Unknown ids are NOT_FOUND for everyone, so the refusal above is about scope, not existence.
    expect(
      refusal(await t.query("training.playlist", { playlistId: crypto.randomUUID() }, mikko)),
    ).toMatchObject({
      status: 404,
    });
    // The HKI trainer cannot name a TRE employee; once assigned by name (set-up), the same person sees it.
    const denied = await t.call(
      "playlists.assign",
      { playlistId: playlist.id, userIds: [stranger.id] },
      { cookie: trainer },
    );
    expect(refusal(denied)).toMatchObject({ status: 403, field: "userIds.0" });
    await t.db.insert(playlistAssignments).values({ playlistId: playlist.id, userId: stranger.id });
    const mine = dataOf<{ items: MyPlaylist[] }>(
      await t.query("training.myPlaylists", undefined, stranger.cookie),
    );
    expect(mine.items.map((entry) => [entry.id, entry.via])).toEqual([[playlist.id, ["user"]]]);
    expect((await t.query("training.playlist", { playlistId: playlist.id }, stranger.cookie)).status).toBe(
      200,
    );
    await t.db.delete(playlistAssignments).where(eq(playlistAssignments.userId, stranger.id));
    expect((await t.query("training.playlist", { playlistId: playlist.id }, stranger.cookie)).status).toBe(
      403,
    );
  });

  it("loses access when the playlist is unpublished (and regains it when published again)", async () => {
    dataOf(await t.call("playlists.unpublish", { playlistId: playlist.id }, { cookie: trainer }));
    expect((await t.query("training.playlist", { playlistId: playlist.id }, mikko)).status).toBe(403);
    expect((await progress(mikko, item(0).id, [[10_000, 11_000]], 0)).status).toBe(403);
    dataOf(await t.call("playlists.publish", { playlistId: playlist.id }, { cookie: trainer }));
    expect((await t.query("training.playlist", { playlistId: playlist.id }, mikko)).status).toBe(200);
  });
});

describe("removed under retention", () => {
  it("shows the item as removed, keeps its note, and refuses progress on it", async () => {
    await t.db
      .update(playlistItems)
      .set({ recordingId: null, removedReason: "retention" })
      .where(eq(playlistItems.id, item(1).id));
    const view = dataOf<TrainingPlaylistView>(
      await t.query("training.playlist", { playlistId: playlist.id }, mikko),
    );
    expect(view.items[1]).toMatchObject({
      note: "Lopetus",
      recording: null,
      removedReason: "retention",
      progress: null,
    });
    expect(view.itemsTotal).toBe(1);
    expect(refusal(await progress(mikko, item(1).id, [[0, 1000]], 0))).toMatchObject({
      status: 412,
      rule: "R13",
      reason: "item.removed",
    });
  });
});

describe("my calls and who listened to them", () => {
  it("lists only my own calls, keyset-paginated", async () => {
    const extra = await insertRecording(t, {
      unitCode: "HKI-ASPA",
      staffMemberId: await staffMemberOf(t, "mikko.korhonen"),
    });
    const first = dataOf<{ items: MyCall[]; nextCursor: string | null }>(
      await t.query("training.myCalls", { limit: 1 }, mikko),
    );
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = dataOf<{ items: MyCall[]; nextCursor: string | null }>(
      await t.query("training.myCalls", { limit: 1, after: first.nextCursor }, mikko),
    );
    const ids = [...first.items, ...second.items].map((call) => call.id);
    expect(ids.sort()).toEqual([rec.mikkoOwn, extra].sort());
    expect(second.nextCursor).toBeNull();
    const trainersOwn = dataOf<{ items: MyCall[] }>(await t.query("training.myCalls", {}, trainer));
    expect(trainersOwn.items).toEqual([]);
  });

  it("shows who listened to my calls, through which playlist or role, from the audit log", async () => {
    const trainerId = await userId(t, "kouluttaja");
    const unit = await unitId(t, "HKI-ASPA");
    const session = { sessionId: "s1", unitId: unit, ip: "127.0.0.1", now: t.clock.now() };
    await recordListeningSession(t.db, {
      ...session,
      userId: trainerId,
      username: "kouluttaja",
      recordingId: rec.mikkoOwn,
      via: "unit",
      playlistId: playlist.id,
    });
    const external = await t.db.select().from(users).where(eq(users.username, "ulkoinen.kouluttaja"));
    await recordListeningSession(t.db, {
      ...session,
      sessionId: "s2",
      userId: external[0]?.id ?? "",
      username: "ulkoinen.kouluttaja",
      recordingId: rec.mikkoOwn,
      via: "disclosed",
      playlistId: null,
    });
    t.clock.advanceSeconds(60);
    await recordListeningSession(t.db, {
      ...session,
      sessionId: "s5",
      now: t.clock.now(),
      userId: trainerId,
      username: "kouluttaja",
      recordingId: rec.mikkoOwn,
      via: "unit",
      playlistId: null,
    });
    // My own listen and listens to other people's calls are not listed.
    await recordListeningSession(t.db, {
      ...session,
      sessionId: "s3",
      userId: await userId(t, "mikko.korhonen"),
      username: "mikko.korhonen",
      recordingId: rec.mikkoOwn,
      via: "own",
      playlistId: null,
    });
    await recordListeningSession(t.db, {
      ...session,
      sessionId: "s4",
      userId: trainerId,
      username: "kouluttaja",
      recordingId: rec.a,
      via: "unit",
      playlistId: null,
    });
    const { items } = dataOf<{ items: ListenEvent[] }>(
      await t.query("training.whoListenedToMyCalls", {}, mikko),
    );
    expect(items.map((event) => [event.listener, event.via])).toEqual([
      [
        { kind: "person", name: "Liisa Laine", username: "kouluttaja" },
        { kind: "role", role: "trainer", relation: "unit" },
      ],
      [
        { kind: "external_trainer", organisationName: "Koulutuspalvelu Oy" },
        { kind: "role", role: null, relation: "disclosed" },
      ],
      [
        { kind: "person", name: "Liisa Laine", username: "kouluttaja" },
        { kind: "playlist", playlistId: playlist.id, playlistTitle: "Perehdytys" },
      ],
    ]);
    expect(items.every((event) => event.recordingId === rec.mikkoOwn)).toBe(true);
    const trainersView = dataOf<{ items: ListenEvent[] }>(
      await t.query("training.whoListenedToMyCalls", {}, trainer),
    );
    expect(trainersView.items).toEqual([]);
  });
});

describe("disclosed recordings (external trainer)", () => {
  it("shows only active disclosures within their validity window", async () => {
    const external = await t.signIn("ulkoinen.kouluttaja");
    expect((await t.query("training.disclosedRecordings", undefined, external)).status).toBe(403);
    const [person] = await t.db.select().from(users).where(eq(users.username, "ulkoinen.kouluttaja"));
    const disclosureId = await insertActiveDisclosure(t, {
      externalUserId: person?.id ?? "",
      recordingIds: [rec.a],
      playlistId: playlist.id,
      days: 2,
    });
    const shown = dataOf<{ disclosures: DisclosedSet[] }>(
      await t.query("training.disclosedRecordings", undefined, external),
    );
    expect(shown.disclosures).toHaveLength(1);
    expect(shown.disclosures[0]).toMatchObject({
      disclosureId,
      playlist: { id: playlist.id, title: "Perehdytys" },
      recordings: [{ id: rec.a, durationMs: 40_000 }],
    });
    // The disclosed playlist opens with only the disclosed recordings, and no progress is recorded.
    const view = dataOf<TrainingPlaylistView>(
      await t.query("training.playlist", { playlistId: playlist.id }, external),
    );
    expect(view.access).toBe("disclosed");
    expect(view.items.map((entry) => entry.recording?.id)).toEqual([rec.a]);
    expect((await progress(external, item(0).id, [[10_000, 30_000]], 0)).status).toBe(403);
    t.clock.advanceSeconds(3 * 86_400);
    const later = await t.signIn("ulkoinen.kouluttaja");
    expect((await t.query("training.disclosedRecordings", undefined, later)).status).toBe(403);
    expect((await t.query("training.playlist", { playlistId: playlist.id }, later)).status).toBe(403);
  });

  it("is empty for people without disclosures", async () => {
    const fresh = await t.signIn("mikko.korhonen");
    const none = dataOf<{ disclosures: DisclosedSet[] }>(
      await t.query("training.disclosedRecordings", undefined, fresh),
    );
    expect(none.disclosures).toEqual([]);
  });
});
