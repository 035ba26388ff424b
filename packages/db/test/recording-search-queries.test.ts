import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/client/index.js";
import {
  countRecordings,
  decodeRecordingCursor,
  type ListRecordingsPageInput,
  listRecordingSummaries,
  type RecordingScope,
  recordingSummariesQuery,
} from "../src/queries/index.js";
import {
  disclosureRecordings,
  disclosures,
  type NewRecording,
  playlistAssignments,
  playlistItems,
  playlists,
  recordings,
} from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";
import { insertController, insertStaffMember, insertUnit, insertUser } from "./fixtures.js";

/** Literal SQL for EXPLAIN (PGlite's extended protocol cannot EXPLAIN with parameters): uuids, ints, ISO times. */
function inlineParam(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string" && /^[0-9a-zA-Z:.+ -]+$/.test(value)) return `'${value}'`;
  throw new Error(`unexpected parameter ${String(value)}`);
}

describe("recording search queries (summaries, order, duration, assigned/disclosed scopes, capped count)", () => {
  let t: TestDb;
  let unitA: string;
  let unitB: string;
  let staffA: string;
  let staffB: string;
  let learner: string;
  const ids: Record<string, string> = {};

  const recording = (
    key: string,
    unitId: string,
    staffMemberId: string,
    minute: number,
    durationMs = 60_000,
  ): NewRecording => ({
    sourceSystemId: "recorder",
    sourceRecordingId: key,
    staffMemberId,
    unitId,
    callStartedAt: new Date(Date.UTC(2026, 10, 2, 9, minute)),
    durationMs,
    originalFormat: "wav",
    originalSha256: "a".repeat(64),
    originalSizeBytes: 10,
    storedFormat: "webm-opus",
    storedSizeBytes: 5,
    storedSha256: "b".repeat(64),
    storageKey: `k/${key}`,
    keyId: "master-1",
    retentionCategory: "ordinary",
  });

  beforeAll(async () => {
    t = await createTestDb();
    const organisation = await insertController(t.db);
    unitA = (await insertUnit(t.db, organisation.id, "A")).id;
    unitB = (await insertUnit(t.db, organisation.id, "B")).id;
    staffA = (await insertStaffMember(t.db, "anna", unitA)).id;
    staffB = (await insertStaffMember(t.db, "bert", unitB)).id;
    learner = (await insertUser(t.db, organisation.id, "learner")).id;
    const rows = [
      recording("a1", unitA, staffA, 1, 30_000),
      recording("a2", unitA, staffA, 2, 90_000),
      recording("a3", unitA, staffA, 3, 120_000),
      recording("a4", unitA, staffA, 3, 240_000),
      recording("b1", unitB, staffB, 4, 60_000),
      recording("b2", unitB, staffB, 5, 60_000),
      recording("b3", unitB, staffB, 6, 60_000),
    ];
    for (const row of await t.db.insert(recordings).values(rows).returning())
      ids[row.sourceRecordingId] = row.id;
    // b1 is in a published playlist assigned to the learner, b2 in a draft one, b3 in a disclosure.
    const [published] = await t.db
      .insert(playlists)
      .values({ title: "P", unitId: unitB, status: "published", publishedAt: new Date() })
      .returning();
    const [draft] = await t.db.insert(playlists).values({ title: "D", unitId: unitB }).returning();
    await t.db.insert(playlistItems).values([
      { playlistId: published!.id, position: 0, recordingId: ids.b1 },
      { playlistId: draft!.id, position: 0, recordingId: ids.b2 },
    ]);
    await t.db.insert(playlistAssignments).values([
      { playlistId: published!.id, userId: learner },
      { playlistId: draft!.id, userId: learner },
    ]);
    const [disclosure] = await t.db
      .insert(disclosures)
      .values({ kind: "training", fields: {}, recipientCountry: "FI" })
      .returning();
    await t.db.insert(disclosureRecordings).values({ disclosureId: disclosure!.id, recordingId: ids.b3! });
    ids.disclosure = disclosure!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function keys(input: Omit<ListRecordingsPageInput, "after">): Promise<string[]> {
    const out: string[] = [];
    let after: ListRecordingsPageInput["after"];
    for (let guard = 0; guard < 20; guard++) {
      const page = await listRecordingSummaries(t.db, { ...input, ...(after ? { after } : {}) });
      const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
      out.push(...page.items.map((item) => byId.get(item.id) ?? "?"));
      if (!page.nextCursor) return out;
      after = decodeRecordingCursor(page.nextCursor);
    }
    throw new Error("pagination did not end");
  }

  it("pages oldest first with order asc, breaking call-time ties by id in both directions", async () => {
    const scope: RecordingScope = { all: false, unitIds: [unitA], staffMemberIds: [] };
    const tie = ["a3", "a4"].sort((x, y) => (ids[x]! < ids[y]! ? -1 : 1));
    expect(await keys({ scope, order: "asc", limit: 1 })).toEqual(["a1", "a2", tie[0], tie[1]]);
    expect(await keys({ scope, order: "desc", limit: 1 })).toEqual([tie[1], tie[0], "a2", "a1"]);
  });

  it("pages longest and shortest first, breaking duration ties by id", async () => {
    const unitOnlyA: RecordingScope = { all: false, unitIds: [unitA], staffMemberIds: [] };
    expect(await keys({ scope: unitOnlyA, order: "longest", limit: 1 })).toEqual(["a4", "a3", "a2", "a1"]);
    expect(await keys({ scope: unitOnlyA, order: "shortest", limit: 1 })).toEqual(["a1", "a2", "a3", "a4"]);
    const unitOnlyB: RecordingScope = { all: false, unitIds: [unitB], staffMemberIds: [] };
    const byId = ["b1", "b2", "b3"].sort((x, y) => (ids[x]! < ids[y]! ? -1 : 1));
    expect(await keys({ scope: unitOnlyB, order: "shortest", limit: 2 })).toEqual(byId);
    expect(await keys({ scope: unitOnlyB, order: "longest", limit: 2 })).toEqual([...byId].reverse());
  });

  it("returns unit and staff names with each summary and no key material", async () => {
    const page = await listRecordingSummaries(t.db, { scope: { all: true }, unitId: unitA, limit: 1 });
    expect(page.items[0]).toMatchObject({ unitCode: "A", staffUsername: "anna", staffLastName: "Myyjä" });
    expect(Object.keys(page.items[0] ?? {})).not.toContain("wrappedDataKey");
  });

  it("filters by duration bounds (inclusive)", async () => {
    const scope: RecordingScope = { all: true };
    expect((await keys({ scope, durationMinMs: 90_000, durationMaxMs: 120_000, limit: 10 })).sort()).toEqual([
      "a2",
      "a3",
    ]);
  });

  it("reaches assigned recordings only through published playlists, disclosed ones only through the disclosure", async () => {
    const assigned: RecordingScope = {
      all: false,
      unitIds: [],
      staffMemberIds: [],
      assignedTo: { userId: learner, unitIds: [] },
    };
    expect(await keys({ scope: assigned, limit: 10 })).toEqual(["b1"]);
    const disclosed: RecordingScope = {
      all: false,
      unitIds: [],
      staffMemberIds: [],
      disclosureIds: [ids.disclosure!],
    };
    expect(await keys({ scope: disclosed, limit: 10 })).toEqual(["b3"]);
    const ownAndAssigned: RecordingScope = { ...assigned, staffMemberIds: [staffA] };
    expect((await keys({ scope: ownAndAssigned, limit: 10 })).sort()).toEqual(["a1", "a2", "a3", "a4", "b1"]);
  });

  it("reads pages in index order for both sort directions and after a cursor (no Sort step)", async () => {
    const scope: RecordingScope = { all: false, unitIds: [unitA], staffMemberIds: [] };
    const after = { callStartedAt: new Date(Date.UTC(2026, 10, 2, 9, 3)), id: ids.a4! };
    for (const input of [{ order: "desc" as const }, { order: "asc" as const }, { after }]) {
      const query = recordingSummariesQuery(t.db, { scope, limit: 10, ...input });
      if (query === "nothing") throw new Error("scope should not be empty");
      const { sql: text, params } = query.toSQL();
      const plan = await t.db.transaction(async (tx) => {
        // Tiny tables favour sorting; forbidding it shows whether the index can deliver the order at all.
        await tx.execute(sql`set local enable_sort = off`);
        await tx.execute(sql`set local enable_seqscan = off`);
        const explained = sql.empty();
        explained.append(
          sql.raw(`explain ${text.replace(/\$(\d+)/g, (_, n) => inlineParam(params[Number(n) - 1]))}`),
        );
        return queryRows<{ "QUERY PLAN": string }>(tx, explained);
      });
      const lines = plan.map((row) => row["QUERY PLAN"]).join("\n");
      expect(lines, JSON.stringify(input)).toMatch(/Index Scan( Backward)? using recordings_unit_call_idx/);
      expect(lines, JSON.stringify(input)).not.toMatch(/\bSort\b/);
    }
  });

  it("reads longest/shortest pages in index order too, after a cursor as well (no Sort step)", async () => {
    const scope: RecordingScope = { all: false, unitIds: [unitA], staffMemberIds: [] };
    const after = { callStartedAt: new Date(Date.UTC(2026, 10, 2, 9, 3)), id: ids.a3!, durationMs: 120_000 };
    for (const input of [
      { order: "longest" as const },
      { order: "shortest" as const },
      { order: "longest" as const, after },
      { order: "shortest" as const, after },
    ]) {
      const query = recordingSummariesQuery(t.db, { scope, limit: 10, ...input });
      if (query === "nothing") throw new Error("scope should not be empty");
      const { sql: text, params } = query.toSQL();
      const plan = await t.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_sort = off`);
        await tx.execute(sql`set local enable_seqscan = off`);
        const explained = sql.empty();
        explained.append(
          sql.raw(`explain ${text.replace(/\$(\d+)/g, (_, n) => inlineParam(params[Number(n) - 1]))}`),
        );
        return queryRows<{ "QUERY PLAN": string }>(tx, explained);
      });
      const lines = plan.map((row) => row["QUERY PLAN"]).join("\n");
      expect(lines, JSON.stringify(input)).toMatch(
        /Index Scan( Backward)? using recordings_unit_duration_idx/,
      );
      expect(lines, JSON.stringify(input)).not.toMatch(/\bSort\b/);
    }
  });

  it("counts exactly below the cap and reports capped above it, within the scope", async () => {
    expect(await countRecordings(t.db, { scope: { all: true }, cap: 100 })).toEqual({
      count: 7,
      capped: false,
    });
    expect(await countRecordings(t.db, { scope: { all: true }, cap: 7 })).toEqual({
      count: 7,
      capped: false,
    });
    expect(await countRecordings(t.db, { scope: { all: true }, cap: 6 })).toEqual({ count: 6, capped: true });
    const unitOnly: RecordingScope = { all: false, unitIds: [unitB], staffMemberIds: [] };
    expect(await countRecordings(t.db, { scope: unitOnly, cap: 100 })).toEqual({ count: 3, capped: false });
    expect(await countRecordings(t.db, { scope: unitOnly, unitId: unitA, cap: 100 })).toEqual({
      count: 0,
      capped: false,
    });
    const nothing: RecordingScope = { all: false, unitIds: [], staffMemberIds: [] };
    expect(await countRecordings(t.db, { scope: nothing, cap: 100 })).toEqual({ count: 0, capped: false });
    await expect(countRecordings(t.db, { scope: nothing, cap: 0 })).rejects.toThrow(/^cap:/);
  });
});
