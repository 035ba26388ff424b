import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DisclosureTestApp, startDisclosureApp } from "./disclosures-harness.js";
import { dataOf } from "./helpers/test-app.js";
import {
  buildPopulation,
  CLIPS,
  DURATION_MS,
  EXPECTED,
  PEOPLE,
  type Person,
  type Population,
  RECORDINGS,
  type Reach,
  type RecordingName,
} from "./recording-access-population.js";
import { webmBlocks } from "./recordings-webm.js";

/**
 * R10 parity: for every person × recording of a population that exercises every way to reach a call,
 * the search list, recordings.get, the count, the audio route, the peaks route and the training views
 * give the same answer, and it is the one the register's rules give (EXPECTED). A new path that
 * answers differently fails here.
 */

let app: DisclosureTestApp;
let population: Population;

beforeAll(async () => {
  app = await startDisclosureApp();
  population = await buildPopulation(app);
});
afterAll(async () => app?.close());

const nameOf = (id: string): RecordingName | undefined =>
  RECORDINGS.find((name) => population.recordings[name] === id);

async function findAll(who: Person): Promise<{ names: Set<RecordingName>; total: number } | "forbidden"> {
  const names = new Set<RecordingName>();
  let total = 0;
  let cursor: string | undefined;
  do {
    const response = await app.t.query(
      "recordings.find",
      { order: "desc", limit: 100, ...(cursor ? { cursor } : {}) },
      population.people[who].cookie,
    );
    if (response.status === 403) return "forbidden";
    const page = dataOf<{ items: { id: string }[]; nextCursor: string | null }>(response);
    total += page.items.length;
    for (const item of page.items) {
      const name = nameOf(item.id);
      if (name) names.add(name);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { names, total };
}

async function media(who: Person, name: RecordingName, kind: "audio" | "peaks") {
  const response = await app.t.app.inject({
    method: "GET",
    url: `/media/recordings/${population.recordings[name]}/${kind}`,
    headers: { cookie: population.people[who].cookie },
  });
  return { status: response.statusCode, body: response.rawPayload, json: () => response.json() };
}

/** Every recording the training portal shows this person, and the window it says the audio has. */
async function trainingViews(who: Person): Promise<Map<RecordingName, Reach>> {
  const cookie = population.people[who].cookie;
  const seen = new Map<RecordingName, Reach>();
  const add = (id: string, reach: Reach) => {
    const name = nameOf(id);
    if (!name) return;
    // Whole wins over a clip when a recording shows up on two paths.
    if (seen.get(name) !== "whole") seen.set(name, reach);
  };
  const calls = await app.t.query("training.myCalls", { limit: 100 }, cookie);
  if (calls.status === 200) {
    for (const call of dataOf<{ items: { id: string }[] }>(calls).items) add(call.id, "whole");
  }
  const mine = await app.t.query("training.myPlaylists", undefined, cookie);
  if (mine.status === 200) {
    for (const playlist of dataOf<{ items: { id: string }[] }>(mine).items) {
      const view = dataOf<{
        items: { recording: { id: string } | null; audioWindow: { startMs: number; endMs: number } | null }[];
      }>(await app.t.query("training.playlist", { playlistId: playlist.id }, cookie));
      for (const item of view.items) {
        if (item.recording) add(item.recording.id, item.audioWindow ? "clip" : "whole");
      }
    }
  }
  const disclosed = await app.t.query("training.disclosedRecordings", undefined, cookie);
  if (disclosed.status === 200) {
    const sets = dataOf<{ disclosures: { recordings: { id: string }[] }[] }>(disclosed).disclosures;
    for (const set of sets) for (const recording of set.recordings) add(recording.id, "whole");
  }
  return seen;
}

describe("R10 parity: every surface gives the same answer for every person × recording", () => {
  it.each(PEOPLE)("%s", async (who) => {
    const expected = EXPECTED[who];
    const found = await findAll(who);
    const count = await app.t.query("recordings.count", {}, population.people[who].cookie);
    if (found === "forbidden") {
      expect(Object.keys(expected.read), "find refused, so nothing may be readable").toEqual([]);
      expect(count.status).toBe(403);
    } else {
      expect(dataOf<{ count: number }>(count).count, "count = size of the list").toBe(found.total);
    }
    const training = await trainingViews(who);
    for (const name of RECORDINGS) {
      const label = `${who} × ${name}`;
      const read = expected.read[name];
      const listen = expected.listen[name];
      const listed = found !== "forbidden" && found.names.has(name);
      expect(listed, `${label}: recordings.find`).toBe(read !== undefined);
      const get = await app.t.query(
        "recordings.get",
        { recordingId: population.recordings[name] },
        population.people[who].cookie,
      );
      expect(get.status, `${label}: recordings.get`).toBe(read !== undefined ? 200 : 403);
      if (get.status === 403) {
        expect(get.body.error?.data.domain, label).toMatchObject({ rule: "R10", code: "FORBIDDEN" });
      }

      const audio = await media(who, name, "audio");
      const peaks = await media(who, name, "peaks");
      expect(audio.status, `${label}: audio`).toBe(listen !== undefined ? 200 : 403);
      expect(peaks.status, `${label}: peaks`).toBe(audio.status);
      if (audio.status === 403) {
        expect(audio.json(), label).toMatchObject({ rule: "R10", reason: "scope.outside" });
      }
      if (listen === "whole") {
        expect(Buffer.compare(audio.body, Buffer.from(population.stored)), `${label}: whole file`).toBe(0);
        expect(peaks.json().durationMs, label).toBe(DURATION_MS);
      }
      if (listen === "clip") {
        const clip = CLIPS[name];
        const blocks = webmBlocks(audio.body);
        const windowMs = blocks.durationMs ?? 0;
        expect(audio.body.length, `${label}: clip only`).toBeLessThan(population.stored.length);
        expect(windowMs, label).toBeLessThanOrEqual((clip?.endMs ?? 0) - (clip?.startMs ?? 0) + 2000);
        expect(peaks.json().durationMs, label).toBe(windowMs);
      }
      // The portal shows exactly what the audio route serves, with the same whole/clip answer. A trainer
      // reaches their units through the search, not the training lists, so only listed ones are checked.
      const shown = training.get(name);
      if (shown !== undefined) expect(shown, `${label}: training view`).toBe(listen);
      else if (who !== "hkiTrainer") expect(listen, `${label}: training view lists it`).toBeUndefined();
    }
  });

  it("audits each refusal of the audio route as an access denial of that recording", async () => {
    const denied = await app.t.app.inject({
      method: "GET",
      url: `/media/recordings/${population.recordings.treUnit}/audio`,
      headers: { cookie: population.people.splitEmployee.cookie },
    });
    expect(denied.statusCode).toBe(403);
    const rows = await app.t.db.query.auditEvents.findMany({
      where: (event, { and, eq }) =>
        and(
          eq(event.action, "access.denied"),
          eq(event.actorId, population.people.splitEmployee.id),
          eq(event.targetId, population.recordings.treUnit),
        ),
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)?.details).toMatchObject({ permission: "recording.listen" });
  });
});
