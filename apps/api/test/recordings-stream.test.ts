import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  auditEvents,
  disclosureRecordings,
  disclosures,
  playlistAssignments,
  playlistItems,
  playlists,
  recordings,
} from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitId, userId } from "./helpers/fixtures.js";
import { type DemoUsername, dataOf } from "./helpers/test-app.js";
import {
  createToken,
  metadataFor,
  postIngest,
  type RecordingsTestApp,
  readDemo,
  recordingRow,
  startRecordingsApp,
} from "./recordings-harness.js";
import { countWebmBlocks } from "./recordings-webm.js";

let app: RecordingsTestApp;
const ids = { own: "", colleague: "", tampere: "" };
const cookies = new Map<DemoUsername, string>();

/**
 * call-006.wav (16-bit stereo PCM at 8 kHz after a 44-byte header) with its samples twice over, 48 s: its
 * stored form (~0.11 MB per minute) crosses a 64 KiB encryption chunk boundary.
 */
async function doubledCall006(): Promise<Buffer> {
  const original = Buffer.from(await readDemo("call-006.wav"));
  const pcm = original.subarray(44);
  const doubled = Buffer.concat([original.subarray(0, 44), pcm, pcm]);
  doubled.writeUInt32LE(doubled.length - 8, 4);
  doubled.writeUInt32LE(pcm.length * 2, 40);
  return doubled;
}
const OWN_CALL_MS = ((2 * (767208 - 44)) / (8000 * 2 * 2)) * 1000;

async function ingestDemo(file: string, id: string, overrides: Record<string, unknown>) {
  const bytes = file === "call-006.wav" ? await doubledCall006() : await readDemo(file);
  const response = await postIngest(app, token, metadataFor(id, overrides), bytes);
  if (response.status !== 201) throw new Error(`ingest failed: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}
let token: string;

beforeAll(async () => {
  app = await startRecordingsApp();
  token = (await createToken(app.t)).token;
  ids.own = await ingestDemo("call-006.wav", "demo-0006", {});
  ids.colleague = await ingestDemo("call-004.mp3", "demo-0004", {
    username: "jussi.makela",
    firstName: "Jussi",
    lastName: "Mäkelä",
    phoneNumber: "+358401234503",
  });
  ids.tampere = await ingestDemo("call-005.opus", "demo-0005", {
    username: "laura.nieminen",
    firstName: "Laura",
    lastName: "Nieminen",
    phoneNumber: "+358401234504",
    unitCode: "TRE-ASPA",
  });
  for (const who of ["mikko.korhonen", "kouluttaja", "admin", "tietosuoja"] as const) {
    cookies.set(who, await app.t.signIn(who));
  }
});
afterAll(async () => app?.close());

function audio(id: string, who: DemoUsername | null, headers: Record<string, string> = {}, query = "") {
  return fetch(`${app.base}/media/recordings/${id}/audio${query}`, {
    headers: { ...(who ? { cookie: cookies.get(who) ?? "" } : {}), ...headers },
  });
}

async function storedPlaintext(id: string) {
  const row = await recordingRow(app.t, id);
  const full = await app.storage.store.getPlaintextRange(
    row.storageKey,
    row.wrappedDataKey!,
    0,
    row.storedSizeBytes - 1,
  );
  return { row, full: Buffer.from(full) };
}

const listenEvents = (recordingId: string) =>
  app.t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "recording.listen"), eq(auditEvents.targetId, recordingId)));

describe("GET /media/recordings/:id/audio", () => {
  it("serves the whole stored WebM inline, never cached, and it decodes to the original's duration", async () => {
    const { row, full } = await storedPlaintext(ids.own);
    expect(createHash("sha256").update(full).digest("hex")).toBe(row.storedSha256);
    const response = await audio(ids.own, "mikko.korhonen");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/webm");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-disposition")).toBe("inline");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(full)).toBe(true);
    expect((await readDemo("call-006.wav")).length).toBe(767208);
    const originalMs = OWN_CALL_MS;
    expect(Math.abs(row.durationMs - originalMs)).toBeLessThan(50);
    // 60 ms Opus packets; the last one is padded and the encoder's look-ahead may add one more.
    expect(Math.abs(countWebmBlocks(full) * 60 - originalMs)).toBeLessThan(130);
  });

  it("answers Range requests byte-exactly against the decrypted stored object", async () => {
    const { full } = await storedPlaintext(ids.own);
    const size = full.length;
    expect(size).toBeGreaterThan(70_000); // crosses a 64 KiB encryption chunk boundary
    const cases: [string, number, number][] = [
      ["bytes=0-99", 0, 99],
      ["bytes=65500-70000", 65500, 70000],
      [`bytes=${size - 10}-`, size - 10, size - 1],
      ["bytes=-1000", size - 1000, size - 1],
      [`bytes=100-${size + 500}`, 100, size - 1],
      ["bytes=7-7, 20-30", 7, 7],
    ];
    for (const [range, start, end] of cases) {
      const response = await audio(ids.own, "mikko.korhonen", { range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${size}`);
      expect(Number(response.headers.get("content-length"))).toBe(end - start + 1);
      expect(Buffer.from(await response.arrayBuffer()).equals(full.subarray(start, end + 1)), range).toBe(
        true,
      );
    }
    const outside = await audio(ids.own, "mikko.korhonen", { range: `bytes=${size}-` });
    expect(outside.status).toBe(416);
    expect(outside.headers.get("content-range")).toBe(`bytes */${size}`);
  });

  it("writes one listen audit row per listening session however many Range requests", async () => {
    const before = (await listenEvents(ids.tampere)).length;
    const cookie = await app.t.signIn("tietosuoja");
    const get = (range: string) =>
      fetch(`${app.base}/media/recordings/${ids.tampere}/audio`, { headers: { cookie, range } });
    const responses = await Promise.all(
      ["bytes=0-999", "bytes=1000-1999", "bytes=2000-", "bytes=0-"].map(get),
    );
    expect(responses.map((r) => r.status)).toEqual([206, 206, 206, 206]);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    const events = await listenEvents(ids.tampere);
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)?.details).toMatchObject({ via: "unit" });
    const another = await app.t.signIn("tietosuoja");
    const again = await fetch(`${app.base}/media/recordings/${ids.tampere}/audio`, {
      headers: { cookie: another },
    });
    expect(again.status).toBe(200);
    await again.arrayBuffer();
    expect((await listenEvents(ids.tampere)).length).toBe(before + 2);
  });

  it("lets an employee stream their own call but not a colleague's", async () => {
    const own = await audio(ids.own, "mikko.korhonen", { range: "bytes=0-10" });
    expect(own.status).toBe(206);
    const colleague = await audio(ids.colleague, "mikko.korhonen", { range: "bytes=0-10" });
    expect(colleague.status).toBe(403);
    expect(await colleague.json()).toMatchObject({ code: "FORBIDDEN", rule: "R10" });
    const denials = await app.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "access.denied"), eq(auditEvents.targetId, ids.colleague)));
    expect(denials.length).toBeGreaterThan(0);
    expect((await listenEvents(ids.own)).at(-1)?.details).toMatchObject({ via: "own" });
  });

  it("lets an employee stream a colleague's call through a published playlist assigned to them", async () => {
    const [playlist] = await app.t.db
      .insert(playlists)
      .values({
        title: "Reklamaatiot",
        unitId: await unitId(app.t, "HKI-ASPA"),
        status: "published",
        publishedAt: app.t.clock.now(),
      })
      .returning({ id: playlists.id });
    await app.t.db
      .insert(playlistItems)
      .values({ playlistId: playlist!.id, position: 0, recordingId: ids.colleague });
    const refused = await audio(ids.colleague, "mikko.korhonen");
    expect(refused.status).toBe(403);
    await app.t.db
      .insert(playlistAssignments)
      .values({ playlistId: playlist!.id, userId: await userId(app.t, "mikko.korhonen") });
    const allowed = await audio(ids.colleague, "mikko.korhonen", {}, `?playlist=${playlist!.id}`);
    expect(allowed.status).toBe(200);
    await allowed.arrayBuffer();
    expect((await listenEvents(ids.colleague)).at(-1)?.details).toMatchObject({
      via: "assigned",
      playlistId: playlist!.id,
    });
    const badPlaylist = await audio(ids.colleague, "mikko.korhonen", {}, "?playlist=x");
    expect(badPlaylist.status).toBe(400);
    expect(await badPlaylist.json()).toMatchObject({ field: "playlist" });
  });

  it("lets a trainer stream within their units only", async () => {
    const inside = await audio(ids.colleague, "kouluttaja", { range: "bytes=0-1" });
    expect(inside.status).toBe(206);
    const outside = await audio(ids.tampere, "kouluttaja", { range: "bytes=0-1" });
    expect(outside.status).toBe(403);
  });

  it("refuses an administrator (maintenance rights do not include listening, R10)", async () => {
    for (const id of Object.values(ids)) {
      const response = await audio(id, "admin");
      expect(response.status).toBe(403);
      const peaks = await fetch(`${app.base}/media/recordings/${id}/peaks`, {
        headers: { cookie: cookies.get("admin")! },
      });
      expect(peaks.status).toBe(403);
    }
  });

  it("lets an external trainer stream only recordings of an active disclosure to them", async () => {
    const now = app.t.clock.now();
    const [disclosure] = await app.t.db
      .insert(disclosures)
      .values({
        kind: "training",
        status: "active",
        fields: {},
        recipientCountry: "FI",
        externalUserId: await userId(app.t, "ulkoinen.kouluttaja"),
        validFrom: new Date(now.getTime() - 86_400_000),
        validUntil: new Date(now.getTime() + 86_400_000),
      })
      .returning({ id: disclosures.id });
    await app.t.db
      .insert(disclosureRecordings)
      .values({ disclosureId: disclosure!.id, recordingId: ids.tampere });
    // A second disclosure of the same recording to the same trainer, over the same window, not approved:
    // it allowed nothing, so the listen is not in its trail.
    const [pending] = await app.t.db
      .insert(disclosures)
      .values({
        kind: "training",
        status: "pending_approval",
        fields: {},
        recipientCountry: "FI",
        externalUserId: await userId(app.t, "ulkoinen.kouluttaja"),
        validFrom: new Date(now.getTime() - 86_400_000),
        validUntil: new Date(now.getTime() + 86_400_000),
      })
      .returning({ id: disclosures.id });
    await app.t.db
      .insert(disclosureRecordings)
      .values({ disclosureId: pending!.id, recordingId: ids.tampere });
    cookies.set("ulkoinen.kouluttaja", await app.t.signIn("ulkoinen.kouluttaja"));
    const disclosed = await audio(ids.tampere, "ulkoinen.kouluttaja", { range: "bytes=0-1" });
    expect(disclosed.status).toBe(206);
    const listen = (await listenEvents(ids.tampere)).at(-1);
    expect(listen?.details).toMatchObject({ via: "disclosed", disclosureId: disclosure!.id });
    const trailSeqs = async (disclosureId: string) =>
      dataOf<{ trail: { seq: number; action: string }[] }>(
        await app.t.query("disclosures.get", { disclosureId }, cookies.get("tietosuoja")),
      )
        .trail.filter((entry) => entry.action === "recording.listen")
        .map((entry) => entry.seq);
    expect(await trailSeqs(disclosure!.id)).toEqual([Number(listen?.seq)]);
    expect(await trailSeqs(pending!.id)).toEqual([]);
    const other = await audio(ids.own, "ulkoinen.kouluttaja", { range: "bytes=0-1" });
    expect(other.status).toBe(403);
  });

  it("refuses cross-site requests and anonymous ones", async () => {
    const refusedHeaders: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "https://evil.example" },
    ];
    for (const headers of refusedHeaders) {
      const response = await audio(ids.own, "mikko.korhonen", headers);
      expect(response.status).toBe(403);
    }
    expect((await audio(ids.own, "mikko.korhonen", { "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await audio(ids.own, null)).status).toBe(401);
    expect((await audio("00000000-0000-4000-8000-000000000000", "tietosuoja")).status).toBe(404);
  });

  it("serves the precomputed peaks under the same rule", async () => {
    const response = await fetch(`${app.base}/media/recordings/${ids.own}/peaks`, {
      headers: { cookie: cookies.get("mikko.korhonen")! },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const peaks = (await response.json()) as { buckets: number; data: number[] };
    expect(peaks.data.length).toBe(peaks.buckets * 2);
    expect(peaks.buckets).toBeGreaterThan(100);
    expect(Math.max(...peaks.data)).toBeGreaterThan(5);
  });
});

describe("encryption at rest", () => {
  it("the object on disk is not the stored WebM", async () => {
    const { row, full } = await storedPlaintext(ids.own);
    const onDisk = await readFile(join(app.objectsDir, ...row.storageKey.split("/")));
    expect(onDisk.length).toBeGreaterThan(full.length);
    for (const at of [0, 1000, 70_000, full.length - 64]) {
      expect(onDisk.indexOf(full.subarray(at, at + 32))).toBe(-1);
    }
  });

  it("a recording whose wrapped key is destroyed can no longer be decrypted or streamed", async () => {
    const { row } = await storedPlaintext(ids.colleague);
    const other = await recordingRow(app.t, ids.tampere);
    await app.t.db.update(recordings).set({ wrappedDataKey: null }).where(eq(recordings.id, row.id));
    expect((await audio(ids.colleague, "tietosuoja")).status).toBe(404);
    // The ciphertext (as in a backup) is still there, but no key that remains opens it.
    await expect(
      app.storage.store.getPlaintextRange(row.storageKey, other.wrappedDataKey!, 0, 10),
    ).rejects.toThrow(/failed authentication/);
  });
});
