import { auditEvents, recordings, roleGrants } from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalOf } from "../src/backup/journal-of.js";
import { runRetentionPurge } from "../src/jobs/retention-purge.js";
import { metrics } from "../src/observability/metrics.js";
import {
  type DisclosureTestApp,
  type StoredRecording,
  startDisclosureApp,
  storeRecording,
} from "./disclosures-harness.js";
import { makeUser, userId } from "./helpers/fixtures.js";
import { createAnotherInstance, dataOf, type TestApp } from "./helpers/test-app.js";
import { insertActiveDisclosure, OTHER_PASSWORD } from "./training-fixtures.js";

// Two API instances on one database, each with its own listen cache: a listening session's later Range
// requests are served from the cached decision and key, and whatever the decision rested on (the
// recording, the session, a grant, a disclosure) refuses the very next request on either instance.
let app: DisclosureTestApp;
let other: TestApp;
const bases: { a: string; b: string } = { a: "", b: "" };

beforeAll(async () => {
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

function range(on: Instance, recordingId: string, cookie: string, bytes = "0-99") {
  return fetch(`${bases[on]}/media/recordings/${recordingId}/audio`, {
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
async function refusedEverywhere(recordingId: string, cookie: string, status: number) {
  for (const on of ["b", "a"] as const) {
    const response = await range(on, recordingId, cookie);
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
