import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decodeRecordingCursor,
  encodeRecordingCursor,
  type ListRecordingsPageInput,
  listRecordingsPage,
  type RecordingScope,
} from "../src/queries/index.js";
import { type NewRecording, recordings } from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";
import { insertController, insertStaffMember, insertUnit } from "./fixtures.js";

describe("listRecordingsPage", () => {
  let t: TestDb;
  let unitA: string;
  let unitB: string;
  let staffA: string;
  let staffB: string;
  const ids: Record<string, string> = {};

  const recording = (key: string, unitId: string, staffMemberId: string, minute: number): NewRecording => ({
    sourceSystemId: "recorder",
    sourceRecordingId: key,
    staffMemberId,
    unitId,
    callStartedAt: new Date(Date.UTC(2026, 10, 2, 9, minute)),
    durationMs: 1000,
    originalFormat: "wav",
    originalSha256: "a".repeat(64),
    originalSizeBytes: 10,
    storedFormat: "webm-opus",
    storedSizeBytes: 5,
    storedSha256: "b".repeat(64),
    storageKey: `k/${key}`,
    keyId: "master-1",
    retentionCategory: "training",
  });

  beforeAll(async () => {
    t = await createTestDb();
    const organisation = await insertController(t.db);
    unitA = (await insertUnit(t.db, organisation.id, "A")).id;
    unitB = (await insertUnit(t.db, organisation.id, "B")).id;
    staffA = (await insertStaffMember(t.db, "anna", unitA)).id;
    staffB = (await insertStaffMember(t.db, "bert", unitB)).id;
    const rows = [
      recording("a1", unitA, staffA, 1),
      recording("a2", unitA, staffA, 2),
      // a3 and a4 share a call time: the id breaks the tie, so neither is skipped nor repeated.
      recording("a3", unitA, staffA, 3),
      recording("a4", unitA, staffA, 3),
      recording("a5", unitA, staffA, 5),
      { ...recording("gone", unitA, staffA, 6), deletedAt: new Date(Date.UTC(2026, 10, 3)) },
      recording("b1", unitB, staffB, 4),
    ];
    for (const row of await t.db.insert(recordings).values(rows).returning()) {
      ids[row.sourceRecordingId] = row.id;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function listAll(input: Omit<ListRecordingsPageInput, "after">): Promise<string[][]> {
    const pages: string[][] = [];
    let after: ListRecordingsPageInput["after"];
    for (;;) {
      const page = await listRecordingsPage(t.db, { ...input, ...(after ? { after } : {}) });
      pages.push(page.items.map((item) => item.sourceRecordingId));
      if (!page.nextCursor) return pages;
      after = decodeRecordingCursor(page.nextCursor);
    }
  }

  it("pages a unit's recordings newest first without skipping ties, never listing deleted ones", async () => {
    const pages = await listAll({ scope: { all: false, unitIds: [unitA], staffMemberIds: [] }, limit: 2 });
    const tie = ["a3", "a4"].sort((x, y) => (ids[x]! > ids[y]! ? -1 : 1));
    expect(pages).toEqual([["a5", tie[0]], [tie[1], "a2"], ["a1"]]);
  });

  it("lists everything for an all scope and nothing for an empty scope", async () => {
    expect((await listAll({ scope: { all: true }, limit: 50 })).flat()).toHaveLength(6);
    const nothing: RecordingScope = { all: false, unitIds: [], staffMemberIds: [] };
    expect(await listRecordingsPage(t.db, { scope: nothing, limit: 10 })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("combines unit and own-call scopes and keeps filters inside the scope", async () => {
    const own: RecordingScope = { all: false, unitIds: [], staffMemberIds: [staffB] };
    expect((await listAll({ scope: own, limit: 10 })).flat()).toEqual(["b1"]);
    const both: RecordingScope = { all: false, unitIds: [unitA], staffMemberIds: [staffB] };
    expect((await listAll({ scope: both, limit: 10 })).flat()).toHaveLength(6);
    const filteredOutside = await listRecordingsPage(t.db, { scope: own, unitId: unitA, limit: 10 });
    expect(filteredOutside.items).toEqual([]);
    const window = await listRecordingsPage(t.db, {
      scope: { all: true },
      callStartedFrom: new Date(Date.UTC(2026, 10, 2, 9, 2)),
      callStartedBefore: new Date(Date.UTC(2026, 10, 2, 9, 4)),
      limit: 10,
    });
    expect(window.items.map((item) => item.sourceRecordingId).sort()).toEqual(["a2", "a3", "a4"]);
  });

  it("refuses a bad limit and a forged cursor, naming the field", async () => {
    await expect(listRecordingsPage(t.db, { scope: { all: true }, limit: 0 })).rejects.toThrow(/^limit:/);
    await expect(listRecordingsPage(t.db, { scope: { all: true }, limit: 201 })).rejects.toThrow(/^limit:/);
    expect(() => decodeRecordingCursor("not-a-cursor")).toThrow("cursor: not a recording page cursor");
    const cursor = { callStartedAt: new Date(Date.UTC(2026, 0, 1)), id: randomUUID() };
    expect(decodeRecordingCursor(encodeRecordingCursor(cursor))).toEqual(cursor);
  });
});
