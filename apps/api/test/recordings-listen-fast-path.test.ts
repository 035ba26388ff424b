import { auditEvents, recordings, roleGrants } from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalOf } from "../src/backup/journal-of.js";
import { runRetentionPurge } from "../src/jobs/retention-purge.js";
import { metrics } from "../src/observability/metrics.js";
import {
  type DisclosureTestApp,
  type StoredRecording,
  sessionFor,
  startDisclosureApp,
  storeRecording,
} from "./disclosures-harness.js";
import { makeUser, unitId, userId } from "./helpers/fixtures.js";
import { createAnotherInstance, dataOf, type TestApp } from "./helpers/test-app.js";
import { DURATION_MS, storedWebm } from "./recording-access-population.js";
import { webmBlocks } from "./recordings-webm.js";
import { insertActiveDisclosure, OTHER_PASSWORD } from "./training-fixtures.js";

// Two API instances on one database, each with its own listen cache: a listening session's later Range
// requests are served from the cached decision and key, and whatever the decision rested on (the
// recording, the session, a grant, a disclosure) refuses the very next request on either instance.
let app: DisclosureTestApp;
let other: TestApp;
const bases: { a: string; b: string } = { a: "", b: "" };
/** A real stored WebM, for the clip listeners: their clip is cut from it. */
let chirp: Uint8Array;

beforeAll(async () => {
  chirp = await storedWebm();
  app = await startDisclosureApp();
  bases.a = await app.t.app.listen({ port: 0, host: "127.0.0.1" });
  other = await createAnotherInstance(app.t);
  bases.b = await other.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await other?.close();
  await app?.close();
});

type Instance = keyof typeof bases;

function range(on: Instance, recordingId: string, cookie: string, bytes = "0-99", query = "") {
  return fetch(`${bases[on]}/media/recordings/${recordingId}/audio${query}`, {
    headers: { cookie, range: `bytes=${bytes}` },
  });
}

async function fastPathHits(): Promise<number> {
  const values = (await metrics.listenFastPath.get()).values;
  return values.find((value) => value.labels.result === "hit")?.value ?? 0;
}

/** The listener's first request on each instance decides and audits; the second on each is a cache hit. */
async function warm(recording: StoredRecording, cookie: string) {
  const before = await fastPathHits();
  for (const on of ["a", "b", "a", "b"] as const) {
    const response = await range(on, recording.id, cookie);
    expect(response.status).toBe(206);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(recording.audio.subarray(0, 100));
  }
  expect(await fastPathHits()).toBe(before + 2);
}

async function listenRows(recordingId: string) {
  return app.t.db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "recording.listen"), eq(auditEvents.targetId, recordingId)));
}

/** Both instances refuse the listener's next request with `status`, whatever they had cached. */
async function refusedEverywhere(recordingId: string, cookie: string, status: number, query = "") {
  for (const on of ["b", "a"] as const) {
    const response = await range(on, recordingId, cookie, "0-99", query);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type") ?? "").not.toContain("audio");
  }
}

describe("Range requests of an audited listening session (fast path)", () => {
  it("serves later ranges from the cache, the same bytes, with one audit row per listening session", async () => {
    const recording = await storeRecording(app);
    const cookie = await app.t.signIn("kouluttaja");
    await warm(recording, cookie);
    const tail = await range("b", recording.id, cookie, "2990-");
    expect(tail.status).toBe(206);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(recording.audio.subarray(2990));
    expect(await listenRows(recording.id)).toHaveLength(1);
    // Past the listening session's window the next request writes the next listen event.
    app.t.clock.advanceSeconds(20 * 60);
    expect((await range("a", recording.id, cookie)).status).toBe(206);
    app.t.clock.advanceSeconds(11 * 60);
    expect((await range("b", recording.id, cookie)).status).toBe(206);
    expect((await range("a", recording.id, cookie)).status).toBe(206);
    expect(await listenRows(recording.id)).toHaveLength(2);
  });

  it("counts each audio body's bytes once in kuulo_audio_bytes_served_total, a refused range none", async () => {
    const recording = await storeRecording(app);
    const cookie = await app.t.signIn("kouluttaja");
    const served = async () => (await metrics.audioBytesServed.get()).values[0]?.value ?? 0;
    const size = recording.audio.length;
    for (const [on, bytes, length] of [
      ["a", "0-99", 100],
      ["a", "100-1099", 1000],
      ["b", "0-", size],
    ] as const) {
      const before = await served();
      const response = await range(on, recording.id, cookie, bytes);
      expect(response.status).toBe(206);
      expect((await response.arrayBuffer()).byteLength).toBe(length);
      expect(await served()).toBe(before + length);
    }
    const before = await served();
    expect((await range("a", recording.id, cookie, `${size}-`)).status).toBe(416);
    expect(await served()).toBe(before);
  });

  it("a retention purge refuses the next request on both instances", async () => {
    const recording = await storeRecording(app, {
      callStartedAt: new Date(app.t.clock.now().getTime() - 3_000 * 86_400_000),
    });
    const cookie = await app.t.signIn("kouluttaja");
    await warm(recording, cookie);
    const purge = await runRetentionPurge({
      db: app.t.db,
      store: app.store,
      clock: app.t.clock,
      journal: journalOf(app.t),
    });
    expect(purge.items.map((item) => item.recordingId)).toContain(recording.id);
    await refusedEverywhere(recording.id, cookie, 404);
  });

  it("an erasure by the privacy officer refuses the next request on both instances", async () => {
    const recording = await storeRecording(app);
    const cookie = await app.t.signIn("kouluttaja");
    await warm(recording, cookie);
    const officer = await app.t.signIn("tietosuoja");
    dataOf(
      await app.t.call(
        "retention.erase",
        { recordingIds: [recording.id], reason: "Tietosuoja-asetuksen 17 artikla" },
        { cookie: officer },
      ),
    );
    await refusedEverywhere(recording.id, cookie, 404);
  });

  it("a crypto-erase by hand (the wrapped key nulled) refuses the next request on both instances", async () => {
    const recording = await storeRecording(app);
    const cookie = await app.t.signIn("kouluttaja");
    await warm(recording, cookie);
    await app.t.db.update(recordings).set({ wrappedDataKey: null }).where(eq(recordings.id, recording.id));
    await refusedEverywhere(recording.id, cookie, 404);
  });

  it("ending the session on one instance refuses its next request on both", async () => {
    const recording = await storeRecording(app);
    const cookie = await app.t.signIn("kouluttaja");
    await warm(recording, cookie);
    expect((await other.call("auth.signOut", undefined, { cookie })).status).toBe(200);
    await refusedEverywhere(recording.id, cookie, 401);
  });

  it("a grant that ends refuses the next request on both instances", async () => {
    const recording = await storeRecording(app);
    const person = await makeUser(app.t, {
      password: OTHER_PASSWORD,
      grants: [
        { role: "employee", unitCode: "TRE-ASPA" },
        { role: "trainer", unitCode: "HKI-ASPA" },
      ],
    });
    const cookie = await app.t.signInAs(person.username, OTHER_PASSWORD);
    await warm(recording, cookie);
    // Ended without ending the session (an operator in SQL): the session lives on, the reach does not.
    await app.t.db
      .update(roleGrants)
      .set({ revokedAt: app.t.clock.now() })
      .where(eq(roleGrants.id, person.grantIds[1] ?? ""));
    await refusedEverywhere(recording.id, cookie, 403);
  });

  it("revoking the disclosure refuses the external trainer's next request on both instances", async () => {
    const recording = await storeRecording(app);
    const external = await userId(app.t, "ulkoinen.kouluttaja");
    const disclosureId = await insertActiveDisclosure(app.t, {
      externalUserId: external,
      recordingIds: [recording.id],
    });
    const cookie = await app.t.signIn("ulkoinen.kouluttaja");
    await warm(recording, cookie);
    const officer = await app.t.signIn("tietosuoja");
    const revoked = await other.call(
      "disclosures.revoke",
      { disclosureId, reason: "Peruttu" },
      { cookie: officer },
    );
    expect(revoked.status).toBe(200);
    // Revoking the only disclosure may also end the external trainer's sessions: refused either way.
    for (const on of ["a", "b"] as const) {
      const response = await range(on, recording.id, cookie);
      expect([401, 403]).toContain(response.status);
    }
  });

  it("a disclosure whose window closes is not used from the cache a moment later", async () => {
    const recording = await storeRecording(app);
    // Its own external trainer: revoking a person's only disclosure above also deactivated the demo one.
    const external = await makeUser(app.t, {
      organisation: "processor",
      grants: [{ role: "external_trainer", unitCode: null }],
      password: OTHER_PASSWORD,
      totp: true,
    });
    const disclosureId = await insertActiveDisclosure(app.t, {
      externalUserId: external.id,
      recordingIds: [recording.id],
      days: 0,
    });
    const cookie = await app.t.signInAs(external.username, OTHER_PASSWORD, external.totpKey ?? undefined);
    expect(disclosureId).not.toBe("");
    // days: 0 makes a window that ends now; warm inside it by stepping the clock back a little.
    app.t.clock.advanceSeconds(-30);
    await warm(recording, cookie);
    app.t.clock.advanceSeconds(31);
    for (const on of ["a", "b"] as const) {
      const response = await range(on, recording.id, cookie);
      expect([401, 403]).toContain(response.status);
    }
  });
});

// A person who reaches the call only as a playlist item gets the item's clip, cut once per listening session
// and kept with the decision; the playlist rows the clip rests on do not move the auth epoch, so the
// freshness query's playlist digest is what must refuse the cached clip.
interface ClipListener {
  recording: StoredRecording;
  person: { id: string; grantIds: string[] };
  cookie: string;
  trainer: string;
  playlistId: string;
  itemId: string;
  /** The player's query: which playlist and item the listen is for. */
  query: string;
}

const CLIP = { startMs: 2000, endMs: 3000 };
/** What the clip listener is served: the clip and its half-second margins. */
const servedMs = (clip: { startMs: number; endMs: number }) => clip.endMs + 500 - (clip.startMs - 500);

let trainerCookie: string | undefined;

async function clipListener(): Promise<ClipListener> {
  const recording = await storeRecording(app, { audio: { bytes: chirp, durationMs: DURATION_MS } });
  // An employee of the unit: the colleague's call reaches them only through the playlist assigned to them.
  const person = await makeUser(app.t, { grants: [{ role: "employee", unitCode: "HKI-ASPA" }], totp: true });
  const cookie = await sessionFor(app.t, person.id);
  trainerCookie ??= await app.t.signIn("kouluttaja");
  const trainer = trainerCookie;
  const created = dataOf<{ id: string }>(
    await app.t.call(
      "playlists.create",
      { title: "Pätkä", unitId: await unitId(app.t, "HKI-ASPA") },
      { cookie: trainer },
    ),
  );
  const detail = dataOf<{ items: { id: string }[] }>(
    await app.t.call(
      "playlists.setItems",
      { playlistId: created.id, items: [{ recordingId: recording.id, ...clipInput(CLIP), note: "" }] },
      { cookie: trainer },
    ),
  );
  dataOf(await app.t.call("playlists.publish", { playlistId: created.id }, { cookie: trainer }));
  dataOf(
    await app.t.call(
      "playlists.assign",
      { playlistId: created.id, userIds: [person.id] },
      { cookie: trainer },
    ),
  );
  const itemId = detail.items[0]?.id ?? "";
  const query = `?playlist=${created.id}&item=${itemId}`;
  return { recording, person, cookie, trainer, playlistId: created.id, itemId, query };
}

const clipInput = (clip: { startMs: number; endMs: number }) => ({
  clipStartMs: clip.startMs,
  clipEndMs: clip.endMs,
});

async function clipFrom(on: Instance, listener: ClipListener) {
  const response = await fetch(
    `${bases[on]}/media/recordings/${listener.recording.id}/audio${listener.query}`,
    { headers: { cookie: listener.cookie } },
  );
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** The first request on each instance cuts the clip and audits; the second on each is served from the cache. */
async function warmClip(listener: ClipListener): Promise<Uint8Array> {
  const before = await fastPathHits();
  const first = await clipFrom("a", listener);
  for (const on of ["b", "a", "b"] as const) expect(await clipFrom(on, listener)).toEqual(first);
  expect(await fastPathHits()).toBe(before + 2);
  expect(webmBlocks(first).durationMs).toBe(servedMs(CLIP));
  return first;
}

describe("Range requests of a clip listener's audited listening session (fast path)", () => {
  it("serves later ranges of the clip from the cache, the same bytes, with one audit row", async () => {
    const listener = await clipListener();
    const clip = await warmClip(listener);
    expect(clip.length).toBeLessThan(chirp.length);
    const before = await fastPathHits();
    const tail = await range("b", listener.recording.id, listener.cookie, "100-", listener.query);
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(`bytes 100-${clip.length - 1}/${clip.length}`);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(clip.subarray(100));
    expect(await fastPathHits()).toBe(before + 1);
    const rows = await app.t.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "recording.listen"), eq(auditEvents.targetId, listener.recording.id)),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.details).toMatchObject({ via: "assigned", playlistItemId: listener.itemId });
  });

  it("a clip moved in the published playlist is served as the new clip on both instances", async () => {
    const listener = await clipListener();
    const before = await warmClip(listener);
    const moved = { startMs: 3500, endMs: 5000 };
    dataOf(
      await app.t.call(
        "playlists.setItems",
        {
          playlistId: listener.playlistId,
          items: [
            { itemId: listener.itemId, recordingId: listener.recording.id, ...clipInput(moved), note: "" },
          ],
        },
        { cookie: listener.trainer },
      ),
    );
    for (const on of ["b", "a"] as const) {
      const after = await clipFrom(on, listener);
      expect(after).not.toEqual(before);
      expect(webmBlocks(after).durationMs).toBe(servedMs(moved));
    }
  });

  // Playlist edits that do not move the auth epoch, made on either instance by the playlist's trainer.
  const playlistChanges: [string, (listener: ClipListener) => ReturnType<TestApp["call"]>][] = [
    [
      "the item removed from the playlist",
      (listener) =>
        app.t.call(
          "playlists.setItems",
          { playlistId: listener.playlistId, items: [] },
          { cookie: listener.trainer },
        ),
    ],
    [
      "unpublishing the playlist",
      (listener) =>
        other.call("playlists.unpublish", { playlistId: listener.playlistId }, { cookie: listener.trainer }),
    ],
    [
      "withdrawing the assignment",
      (listener) =>
        app.t.call(
          "playlists.unassign",
          { playlistId: listener.playlistId, userIds: [listener.person.id] },
          { cookie: listener.trainer },
        ),
    ],
  ];

  it.each(playlistChanges)("%s refuses the next request on both instances", async (_, change) => {
    const listener = await clipListener();
    await warmClip(listener);
    dataOf(await change(listener));
    await refusedEverywhere(listener.recording.id, listener.cookie, 403, listener.query);
  });

  it("a crypto-erase refuses the next request on both instances", async () => {
    const listener = await clipListener();
    await warmClip(listener);
    await app.t.db
      .update(recordings)
      .set({ wrappedDataKey: null })
      .where(eq(recordings.id, listener.recording.id));
    await refusedEverywhere(listener.recording.id, listener.cookie, 404, listener.query);
  });

  it("ending the session on one instance refuses its next request on both", async () => {
    const listener = await clipListener();
    await warmClip(listener);
    expect((await other.call("auth.signOut", undefined, { cookie: listener.cookie })).status).toBe(200);
    await refusedEverywhere(listener.recording.id, listener.cookie, 401, listener.query);
  });

  it("the employee grant that ends refuses the next request on both instances", async () => {
    const listener = await clipListener();
    await warmClip(listener);
    await app.t.db
      .update(roleGrants)
      .set({ revokedAt: app.t.clock.now() })
      .where(eq(roleGrants.id, listener.person.grantIds[0] ?? ""));
    await refusedEverywhere(listener.recording.id, listener.cookie, 403, listener.query);
  });
});
