import { auditEvents, playlistItems } from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metrics } from "../src/observability/metrics.js";
import { type DisclosureTestApp, startDisclosureApp } from "./disclosures-harness.js";
import { dataOf } from "./helpers/test-app.js";
import {
  buildPopulation,
  CLIPS,
  DURATION_MS,
  type Person,
  type Population,
} from "./recording-access-population.js";
import { webmBlocks } from "./recordings-webm.js";

/**
 * R10: a clip is all that a clip grants. A person who reaches a call only as an item of an assigned
 * playlist gets the item's clip (with at most a second of margin) and nothing else, whatever Range
 * they send and with or without ?playlist= or ?item=; a trainer in scope and the call's own staff
 * member still get the whole file.
 */

let app: DisclosureTestApp;
let population: Population;
const MARGIN_LIMIT_MS = 1000;

beforeAll(async () => {
  app = await startDisclosureApp();
  population = await buildPopulation(app);
});
afterAll(async () => app?.close());

async function audio(who: Person, recordingId: string, headers: Record<string, string> = {}, query = "") {
  const response = await app.t.app.inject({
    method: "GET",
    url: `/media/recordings/${recordingId}/audio${query}`,
    headers: { cookie: population.people[who].cookie, ...headers },
  });
  return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
}

/** The original's frames by time: a chirp, so each frame's bytes occur once in the call. */
const original = () => webmBlocks(population.stored).blocks;

describe("a clip-only listener (treEmployee: the TRE playlist's 2–3 s clip)", () => {
  const clip = CLIPS.treUnit ?? { startMs: 0, endMs: 0 };
  const id = () => population.recordings.treUnit;
  let whole: Buffer;

  beforeAll(async () => {
    const response = await audio("treEmployee", id());
    expect(response.status).toBe(200);
    whole = response.body;
  });

  it("gets a playable WebM of the clip whose every frame lies within a second of the clip", () => {
    const frames = original();
    const served = webmBlocks(whole);
    // The stored form's packet length (60 ms today), read from the file rather than assumed.
    const frameMs = (frames[1]?.timeMs ?? 0) - (frames[0]?.timeMs ?? 0);
    expect(frameMs).toBeGreaterThan(0);
    expect(served.blocks.length).toBeGreaterThan(((clip.endMs - clip.startMs) / frameMs) * 0.9);
    for (const block of served.blocks) {
      const source = frames.filter((frame) => frame.frame.equals(block.frame));
      expect(source.length, "each served frame is one frame of the call").toBe(1);
      expect(source[0]!.timeMs).toBeGreaterThanOrEqual(clip.startMs - MARGIN_LIMIT_MS);
      expect(source[0]!.timeMs).toBeLessThan(clip.endMs + MARGIN_LIMIT_MS);
    }
    // Not a byte of any frame from outside the clip and its margin is anywhere in the response.
    for (const frame of frames) {
      if (frame.timeMs >= clip.startMs - MARGIN_LIMIT_MS && frame.timeMs < clip.endMs + MARGIN_LIMIT_MS)
        continue;
      expect(whole.includes(frame.frame), `frame at ${frame.timeMs} ms`).toBe(false);
    }
    expect(served.durationMs).toBeLessThanOrEqual(clip.endMs - clip.startMs + 2 * MARGIN_LIMIT_MS);
  });

  it("answers every Range shape from the clip alone, never from the stored file", async () => {
    const size = whole.length;
    const stored = population.stored.length;
    const item = population.items.treUnit;
    const shapes: { range?: string; query?: string; expect: [number, number] | 416 }[] = [
      { expect: [0, size - 1] },
      { query: `?playlist=${item?.playlistId}`, expect: [0, size - 1] },
      { query: `?playlist=${item?.playlistId}&item=${item?.itemId}`, expect: [0, size - 1] },
      { range: "bytes=0-", expect: [0, size - 1] },
      { range: "bytes=100-", expect: [100, size - 1] },
      { range: "bytes=0-99", expect: [0, 99] },
      { range: `bytes=0-${stored - 1}`, expect: [0, size - 1] },
      { range: "bytes=-500", expect: [size - 500, size - 1] },
      { range: `bytes=-${stored}`, expect: [0, size - 1] },
      { range: "bytes=10-20, 30-40, 5000-", expect: [10, 20] },
      { range: `bytes=${size}-`, expect: 416 },
      { range: `bytes=${stored - 1000}-`, expect: 416 },
      { range: `bytes=${stored - 1000}-${stored - 1}`, expect: 416 },
      { range: `bytes=${size - 1}-`, query: `?playlist=${item?.playlistId}`, expect: [size - 1, size - 1] },
    ];
    for (const shape of shapes) {
      const label = `${shape.range ?? "no Range"} ${shape.query ?? ""}`;
      const response = await audio(
        "treEmployee",
        id(),
        shape.range ? { range: shape.range } : {},
        shape.query,
      );
      if (shape.expect === 416) {
        expect(response.status, label).toBe(416);
        expect(response.headers["content-range"], label).toBe(`bytes */${size}`);
        expect(response.body.length, label).toBeLessThan(300);
        continue;
      }
      const [start, end] = shape.expect;
      expect(response.status, label).toBe(shape.range ? 206 : 200);
      if (shape.range) expect(response.headers["content-range"], label).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.body.equals(whole.subarray(start, end + 1)), label).toBe(true);
    }
  });

  it("is refused the call through an item or playlist that does not grant it, and audits that", async () => {
    const other = population.items.hkiUnit;
    const byItem = await audio("treEmployee", id(), {}, `?item=${other?.itemId}`);
    expect(byItem.status).toBe(403);
    expect(JSON.parse(byItem.body.toString())).toMatchObject({ rule: "R10", reason: "scope.outside" });
    const byPlaylist = await audio("treEmployee", id(), {}, `?playlist=${other?.playlistId}`);
    expect(byPlaylist.status).toBe(400);
  });

  it("gets only the clip's part of the waveform", async () => {
    const response = await app.t.app.inject({
      method: "GET",
      url: `/media/recordings/${id()}/peaks`,
      headers: { cookie: population.people.treEmployee.cookie },
    });
    const peaks = response.json() as { buckets: number; data: number[]; startMs: number; durationMs: number };
    const bucketMs = DURATION_MS / 120;
    expect(peaks.startMs).toBeGreaterThanOrEqual(clip.startMs - MARGIN_LIMIT_MS);
    expect(peaks.startMs + peaks.durationMs).toBeLessThanOrEqual(clip.endMs + MARGIN_LIMIT_MS);
    expect(peaks.buckets).toBeGreaterThan(0);
    expect(peaks.buckets * bucketMs).toBeLessThanOrEqual(clip.endMs - clip.startMs + 2 * MARGIN_LIMIT_MS);
    // The stored buckets encode their own index, so the slice shows exactly which ones left.
    const first = Math.abs(peaks.data[0] ?? 0);
    expect(first * bucketMs).toBeGreaterThanOrEqual(clip.startMs - MARGIN_LIMIT_MS);
    expect((first + peaks.buckets) * bucketMs).toBeLessThanOrEqual(clip.endMs + MARGIN_LIMIT_MS);
  });

  it("has the served window in the listen audit row", async () => {
    const [row] = await app.t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "recording.listen"),
          eq(auditEvents.actorId, population.people.treEmployee.id),
          eq(auditEvents.targetId, id()),
        ),
      );
    expect(row?.details).toMatchObject({ via: "assigned", playlistItemId: population.items.treUnit?.itemId });
    expect(row?.details.window).toEqual({ startMs: clip.startMs - 500, endMs: clip.endMs + 500 });
  });

  it("is told the same window by the training view that the audio route serves", async () => {
    const item = population.items.treUnit;
    const view = dataOf<{ items: { id: string; audioWindow: { startMs: number; endMs: number } | null }[] }>(
      await app.t.query(
        "training.playlist",
        { playlistId: item?.playlistId },
        population.people.treEmployee.cookie,
      ),
    );
    const window = view.items.find((entry) => entry.id === item?.itemId)?.audioWindow;
    expect(window).toEqual({ startMs: clip.startMs - 500, endMs: clip.endMs + 500 });
    expect(webmBlocks(whole).durationMs).toBe((window?.endMs ?? 0) - (window?.startMs ?? 0));
  });
});

describe("whole-call listeners are not cut", () => {
  it("a trainer in scope gets the whole stored file, with and without ?playlist=", async () => {
    const item = population.items.hkiUnit;
    for (const query of ["", `?playlist=${item?.playlistId}`]) {
      const response = await audio("hkiTrainer", population.recordings.hkiUnit, {}, query);
      expect(response.status).toBe(200);
      expect(response.body.equals(Buffer.from(population.stored))).toBe(true);
    }
    const tail = await audio("hkiTrainer", population.recordings.hkiUnit, { range: "bytes=-100" });
    expect(tail.headers["content-range"]).toBe(
      `bytes ${population.stored.length - 100}-${population.stored.length - 1}/${population.stored.length}`,
    );
  });

  it("the call's own staff member gets the whole call even through the playlist that clips it", async () => {
    const item = population.items.ownCall;
    const response = await audio(
      "ownEmployee",
      population.recordings.ownCall,
      {},
      `?playlist=${item?.playlistId}&item=${item?.itemId}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.equals(Buffer.from(population.stored))).toBe(true);
    // A colleague who reaches the same call only through that item gets its clip.
    const colleague = await audio("splitEmployee", population.recordings.ownCall);
    expect(colleague.status).toBe(200);
    expect(colleague.body.length).toBeLessThan(population.stored.length);
  });
});

describe("a clip listener's later requests (the listen cache)", () => {
  const hits = async () =>
    (await metrics.listenFastPath.get()).values.find((value) => value.labels.result === "hit")?.value ?? 0;

  /** Every frame served lies in the clip's window (with its margin) and is that frame of the call. */
  function expectFramesOf(served: Buffer, clip: { startMs: number; endMs: number }) {
    const frames = original();
    const blocks = webmBlocks(served).blocks;
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const source = frames.filter((frame) => frame.frame.equals(block.frame));
      expect(source.length, "each served frame is one frame of the call").toBe(1);
      expect(source[0]!.timeMs).toBeGreaterThanOrEqual(clip.startMs - MARGIN_LIMIT_MS);
      expect(source[0]!.timeMs).toBeLessThan(clip.endMs + MARGIN_LIMIT_MS);
    }
  }

  it("are served the cut clip from the cache, and the new clip as soon as the item's clip changes", async () => {
    const id = population.recordings.byName;
    const clip = CLIPS.byName ?? { startMs: 0, endMs: 0 };
    const first = await audio("splitEmployee", id);
    expect(first.status).toBe(200);
    expectFramesOf(first.body, clip);
    const before = await hits();
    const again = await audio("splitEmployee", id, { range: "bytes=10-" });
    expect(again.status).toBe(206);
    expect(again.body.equals(first.body.subarray(10))).toBe(true);
    expect(await hits()).toBe(before + 1);

    // An operator moves the clip in the published playlist: the cached clip must not be served again.
    const moved = { startMs: 4000, endMs: 5000 };
    await app.t.db
      .update(playlistItems)
      .set({ clipStartMs: moved.startMs, clipEndMs: moved.endMs })
      .where(eq(playlistItems.id, population.items.byName?.itemId ?? ""));
    const after = await audio("splitEmployee", id);
    expect(after.status).toBe(200);
    expect(await hits()).toBe(before + 1);
    expectFramesOf(after.body, moved);
    expect(webmBlocks(after.body).durationMs).toBe(moved.endMs + 500 - (moved.startMs - 500));
  });
});
