import {
  auditEvents,
  playlistAssignments,
  playlistItems,
  playlists,
  recordings,
  staffMembers,
  users,
} from "@kuulo/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitId } from "./helpers/fixtures.js";
import { createTestApp, type DemoUsername, dataOf, type TestApp } from "./helpers/test-app.js";

/**
 * recordings.find / get / count / staffMembers through the real HTTP stack, on PGlite or (with
 * DATABASE_URL) PostgreSQL. Recordings are inserted directly: search needs metadata, not audio.
 */

interface Item {
  id: string;
  callStartedAt: string;
  durationMs: number;
  unit: { code: string };
  staffMember: { id: string; username: string };
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

let t: TestApp;
const cookies = {} as Record<DemoUsername, string>;
const ids = { hki: [] as string[], tre: [] as string[], mikko: [] as string[], assigned: "" };
const staff = { mikko: "", anna: "", tero: "" };
let hkiUnit = "";
let treUnit = "";
let myyntiUnit = "";
const TIE = new Date("2026-10-05T09:00:00.000Z");

let serial = 0;
function recording(unit: string, staffMemberId: string, callStartedAt: Date, durationMs: number) {
  serial += 1;
  return {
    sourceSystemId: "recorder",
    sourceRecordingId: `search-${serial}`,
    staffMemberId,
    unitId: unit,
    callStartedAt,
    durationMs,
    originalFormat: "wav-pcm16",
    originalSha256: "a".repeat(64),
    originalSizeBytes: 1000,
    storedFormat: "webm-opus",
    storedSizeBytes: 100,
    storedSha256: "b".repeat(64),
    storageKey: `search/${serial}`,
    keyId: "k1",
    retentionCategory: "ordinary" as const,
    purgeDueAt: new Date(callStartedAt.getTime() + 365 * 86_400_000),
    peaks: serial % 2 === 0 ? [0.1, 0.5, 0.2] : null,
  };
}

async function insertStaff(username: string, unit: string): Promise<string> {
  const [row] = await t.db
    .insert(staffMembers)
    .values({ firstName: "Testi", lastName: username, username, phoneNumber: "+358401110000", unitId: unit })
    .returning({ id: staffMembers.id });
  if (!row) throw new Error("insert failed");
  return row.id;
}

async function insert(values: ReturnType<typeof recording>[]): Promise<string[]> {
  const rows = await t.db.insert(recordings).values(values).returning({ id: recordings.id });
  return rows.map((row) => row.id);
}

async function findAll(who: DemoUsername, input: Record<string, unknown>): Promise<Item[][]> {
  const pages: Item[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const response = await t.query(
      "recordings.find",
      { ...input, ...(cursor ? { cursor } : {}) },
      cookies[who],
    );
    const page = dataOf<Page>(response);
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}
const idsOf = (pages: Item[][]) => pages.flat().map((item) => item.id);

beforeAll(async () => {
  t = await createTestApp();
  hkiUnit = await unitId(t, "HKI-ASPA");
  treUnit = await unitId(t, "TRE-ASPA");
  myyntiUnit = await unitId(t, "HKI-MYYNTI");
  const [mikko] = await t.db
    .select({ staffMemberId: users.staffMemberId })
    .from(users)
    .where(eq(users.username, "mikko.korhonen"));
  staff.mikko = mikko?.staffMemberId ?? "";
  staff.anna = await insertStaff("anna.aalto", hkiUnit);
  staff.tero = await insertStaff("tero.tamminen", treUnit);
  const day = (n: number, minutes = 0) => new Date(Date.UTC(2026, 9, n, 8, minutes));
  ids.mikko = await insert([
    recording(hkiUnit, staff.mikko, day(1), 30_000),
    recording(hkiUnit, staff.mikko, day(2), 200_000),
    recording(hkiUnit, staff.mikko, TIE, 60_000),
  ]);
  // Five of Anna's calls share one call time with one of Mikko's: only the id orders them.
  const anna = await insert([
    ...Array.from({ length: 5 }, () => recording(hkiUnit, staff.anna, TIE, 90_000)),
    recording(hkiUnit, staff.anna, day(10), 400_000),
  ]);
  ids.hki = [...ids.mikko, ...anna];
  ids.tre = await insert([
    recording(treUnit, staff.tero, day(3), 60_000),
    recording(treUnit, staff.tero, TIE, 60_000),
  ]);
  for (const who of ["kouluttaja", "mikko.korhonen", "admin", "tietosuoja"] as const) {
    cookies[who] = await t.signIn(who);
  }
});
afterAll(async () => {
  await t.close();
});

describe("recordings.find scope", () => {
  it("shows a trainer only the recordings of their units", async () => {
    const seen = idsOf(await findAll("kouluttaja", { limit: 100 }));
    expect(seen.sort()).toEqual([...ids.hki].sort());
  });

  it("shows an employee only their own calls", async () => {
    const seen = idsOf(await findAll("mikko.korhonen", { limit: 100 }));
    expect(seen.sort()).toEqual([...ids.mikko].sort());
  });

  it("shows a privacy officer every unit", async () => {
    const seen = idsOf(await findAll("tietosuoja", { limit: 100 }));
    expect(seen.sort()).toEqual([...ids.hki, ...ids.tre].sort());
  });

  it("refuses an administrator (maintenance is not browsing, R10) and audits the denial", async () => {
    const response = await t.query("recordings.find", {}, cookies.admin);
    expect(response.status).toBe(403);
    expect(response.body.error?.data.domain).toMatchObject({ code: "FORBIDDEN", rule: "R10" });
    const denials = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "access.denied"), eq(auditEvents.targetId, "recordings.find")));
    expect(denials.length).toBeGreaterThan(0);
  });

  it("refuses a trainer's unit filter outside their units instead of answering empty, and audits it", async () => {
    const response = await t.query("recordings.find", { unitId: treUnit }, cookies.kouluttaja);
    expect(response.status).toBe(403);
    expect(response.body.error?.data.domain).toMatchObject({ code: "FORBIDDEN", field: "unitId" });
    const [denial] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "access.denied"), eq(auditEvents.targetId, treUnit)));
    expect(denial?.outcome).toBe("denied");
  });
});

describe("recordings.find pagination", () => {
  it("pages newest first without skipping or repeating rows that share a call time", async () => {
    const pages = await findAll("kouluttaja", { limit: 2 });
    const seen = idsOf(pages);
    expect(pages.length).toBe(Math.ceil(ids.hki.length / 2));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...ids.hki].sort());
    const order = pages.flat().map((item) => `${item.callStartedAt}|${item.id}`);
    expect(order).toEqual([...order].sort().reverse());
  });

  it("pages oldest first with order asc, giving exactly the reverse order", async () => {
    const desc = idsOf(await findAll("kouluttaja", { limit: 3 }));
    const asc = idsOf(await findAll("kouluttaja", { limit: 3, order: "asc" }));
    expect(asc).toEqual([...desc].reverse());
  });

  it("pages longest and shortest first over every row once, durations ordered, ties by id", async () => {
    for (const order of ["longest", "shortest"] as const) {
      const pages = await findAll("kouluttaja", { limit: 2, order });
      const seen = idsOf(pages);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...ids.hki].sort());
      const keys = pages.flat().map((item) => [item.durationMs, item.id] as const);
      const sorted = [...keys].sort(([a, x], [b, y]) => a - b || (x < y ? -1 : x > y ? 1 : 0));
      expect(keys).toEqual(order === "shortest" ? sorted : sorted.reverse());
    }
  });

  it("refuses a cursor of a time order in a duration order and the other way round", async () => {
    const byTime = dataOf<Page>(await t.query("recordings.find", { limit: 1 }, cookies.kouluttaja));
    const byDuration = dataOf<Page>(
      await t.query("recordings.find", { limit: 1, order: "longest" }, cookies.kouluttaja),
    );
    for (const [order, cursor] of [
      ["longest", byTime.nextCursor],
      ["shortest", byDuration.nextCursor],
      ["desc", byDuration.nextCursor],
    ] as const) {
      const refused = await t.query("recordings.find", { order, cursor }, cookies.kouluttaja);
      expect(refused.status, order).toBe(400);
      expect(refused.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "cursor" });
    }
  });

  it("refuses a forged cursor and a cursor of the other sort order, naming the field", async () => {
    const first = dataOf<Page>(await t.query("recordings.find", { limit: 1 }, cookies.kouluttaja));
    const swapped = await t.query(
      "recordings.find",
      { order: "asc", cursor: first.nextCursor },
      cookies.kouluttaja,
    );
    expect(swapped.status).toBe(400);
    expect(swapped.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "cursor" });
    const forged = await t.query("recordings.find", { cursor: "dnot-a-cursor" }, cookies.kouluttaja);
    expect(forged.status).toBe(400);
    expect(forged.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "cursor" });
  });

  it("refuses a limit over 100", async () => {
    const response = await t.query("recordings.find", { limit: 101 }, cookies.kouluttaja);
    expect(response.status).toBe(400);
    expect(response.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "limit" });
  });
});

describe("recordings.find filters", () => {
  it("filters by staff member, call time [from, to) and duration, inside the scope", async () => {
    const byStaff = idsOf(await findAll("kouluttaja", { staffMemberId: staff.anna }));
    expect(byStaff).toHaveLength(6);
    const window = idsOf(
      await findAll("kouluttaja", { from: "2026-10-02T08:00:00Z", to: "2026-10-05T09:00:00Z" }),
    );
    expect(window).toEqual([ids.mikko[1]]);
    const long = idsOf(await findAll("kouluttaja", { durationMinMs: 100_000, durationMaxMs: 300_000 }));
    expect(long).toEqual([ids.mikko[1]]);
    const otherUnitsStaff = idsOf(await findAll("kouluttaja", { staffMemberId: staff.tero }));
    expect(otherUnitsStaff).toEqual([]);
  });

  it("refuses an empty time window and inverted durations, naming the field", async () => {
    const window = await t.query(
      "recordings.find",
      { from: "2026-10-05T00:00:00Z", to: "2026-10-05T00:00:00Z" },
      cookies.kouluttaja,
    );
    expect(window.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "to" });
    const durations = await t.query(
      "recordings.count",
      { durationMinMs: 10, durationMaxMs: 5 },
      cookies.kouluttaja,
    );
    expect(durations.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "durationMaxMs" });
    const badDate = await t.query("recordings.find", { from: "yesterday" }, cookies.kouluttaja);
    expect(badDate.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "from" });
  });
});

describe("audit of searches", () => {
  it("writes one recording.read row per search with the filter, not one per row", async () => {
    const before = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetType, "recording_search"));
    const response = await t.query(
      "recordings.find",
      { staffMemberId: staff.anna, limit: 50 },
      cookies.kouluttaja,
    );
    expect(dataOf<Page>(response).items).toHaveLength(6);
    const after = await t.db.select().from(auditEvents).where(eq(auditEvents.targetType, "recording_search"));
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toMatchObject({
      action: "recording.read",
      actorLabel: "kouluttaja",
      outcome: "success",
      details: { filter: { staffMemberId: staff.anna, order: "desc" }, page: "first" },
    });
  });
});

describe("recordings.get", () => {
  it("returns the staff member, unit, duration, format, peaks availability, hold and retention, and audits the read", async () => {
    const id = ids.mikko[1] ?? "";
    const response = await t.query("recordings.get", { recordingId: id }, cookies.kouluttaja);
    expect(dataOf(response)).toMatchObject({
      id,
      callStartedAt: "2026-10-02T08:00:00.000Z",
      durationMs: 200_000,
      storedFormat: "webm-opus",
      originalFormat: "wav-pcm16",
      legalHold: false,
      retentionCategory: "ordinary",
      purgeDueAt: "2027-10-02T08:00:00.000Z",
      unit: { code: "HKI-ASPA" },
      staffMember: {
        username: "mikko.korhonen",
        firstName: "Mikko",
        lastName: "Korhonen",
        phoneNumber: "+358401234502",
      },
    });
    expect(typeof dataOf<{ peaksAvailable: unknown }>(response).peaksAvailable).toBe("boolean");
    const [row] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "recording.read"), eq(auditEvents.targetId, id)));
    expect(row).toMatchObject({ targetType: "recording", outcome: "success", actorLabel: "kouluttaja" });
  });

  it("answers FORBIDDEN for another unit's recording (IDOR) and audits the denial", async () => {
    const id = ids.tre[0] ?? "";
    const response = await t.query("recordings.get", { recordingId: id }, cookies.kouluttaja);
    expect(response.status).toBe(403);
    expect(response.body.error?.data.domain).toMatchObject({ code: "FORBIDDEN", rule: "R10" });
    const [denial] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "access.denied"), eq(auditEvents.targetId, id)));
    expect(denial).toMatchObject({ targetType: "recording", outcome: "denied" });
    // The paired allowed case: the privacy officer (all units) reads the same recording.
    expect((await t.query("recordings.get", { recordingId: id }, cookies.tietosuoja)).status).toBe(200);
  });

  it("answers FORBIDDEN to an employee for a colleague's call and OK for their own", async () => {
    const colleague = await t.query(
      "recordings.get",
      { recordingId: ids.hki.at(-1) },
      cookies["mikko.korhonen"],
    );
    expect(colleague.status).toBe(403);
    const own = await t.query("recordings.get", { recordingId: ids.mikko[0] }, cookies["mikko.korhonen"]);
    expect(own.status).toBe(200);
  });

  it("answers NOT_FOUND for an unknown id and for a purged recording", async () => {
    const unknown = await t.query(
      "recordings.get",
      { recordingId: "00000000-0000-4000-8000-000000000000" },
      cookies.kouluttaja,
    );
    expect(unknown.status).toBe(404);
    const [gone] = await insert([{ ...recording(hkiUnit, staff.anna, TIE, 1), storageKey: "search/gone" }]);
    await t.db
      .update(recordings)
      .set({ deletedAt: t.clock.now() })
      .where(eq(recordings.id, gone ?? ""));
    expect((await t.query("recordings.get", { recordingId: gone }, cookies.kouluttaja)).status).toBe(404);
  });
});

describe("assigned recordings (employee relation 'assigned')", () => {
  it("lets an employee find and get a colleague's call only while it is in a published playlist assigned to them", async () => {
    const colleagueCall = ids.hki.at(-1) ?? "";
    const [playlist] = await t.db
      .insert(playlists)
      .values({ title: "Hyvä avaus", unitId: hkiUnit, status: "published", publishedAt: t.clock.now() })
      .returning({ id: playlists.id });
    await t.db
      .insert(playlistItems)
      .values({ playlistId: playlist?.id ?? "", position: 0, recordingId: colleagueCall });
    const [assignment] = await t.db
      .insert(playlistAssignments)
      .values({ playlistId: playlist?.id ?? "", unitId: hkiUnit })
      .returning({ id: playlistAssignments.id });
    const seen = idsOf(await findAll("mikko.korhonen", {}));
    expect(seen.sort()).toEqual([...ids.mikko, colleagueCall].sort());
    expect(
      (await t.query("recordings.get", { recordingId: colleagueCall }, cookies["mikko.korhonen"])).status,
    ).toBe(200);
    await t.db.delete(playlistAssignments).where(eq(playlistAssignments.id, assignment?.id ?? ""));
    expect(
      (await t.query("recordings.get", { recordingId: colleagueCall }, cookies["mikko.korhonen"])).status,
    ).toBe(403);
  });
});

describe("assigned to a unit: only the units of the person's employee grants count", () => {
  it("does not widen find/get through the unit of the staff record (the audio route and My training do not either)", async () => {
    const treCall = ids.tre[0] ?? "";
    await t.db.update(staffMembers).set({ unitId: treUnit }).where(eq(staffMembers.id, staff.mikko));
    const [playlist] = await t.db
      .insert(playlists)
      .values({ title: "Tampereen avaus", unitId: treUnit, status: "published", publishedAt: t.clock.now() })
      .returning({ id: playlists.id });
    await t.db
      .insert(playlistItems)
      .values({ playlistId: playlist?.id ?? "", position: 0, recordingId: treCall });
    const [assignment] = await t.db
      .insert(playlistAssignments)
      .values({ playlistId: playlist?.id ?? "", unitId: treUnit })
      .returning({ id: playlistAssignments.id });
    try {
      // Mikko's employee grant is in HKI-ASPA; his staff record moved to Tampere grants him nothing there.
      expect(idsOf(await findAll("mikko.korhonen", {}))).not.toContain(treCall);
      const refused = await t.query("recordings.get", { recordingId: treCall }, cookies["mikko.korhonen"]);
      expect(refused.status).toBe(403);
      expect(refused.body.error?.data.domain).toMatchObject({ rule: "R10", reason: "scope.outside" });
      // Assigned to the unit of his employee grant, the same call is his to find and get.
      await t.db
        .update(playlistAssignments)
        .set({ unitId: hkiUnit })
        .where(eq(playlistAssignments.id, assignment?.id ?? ""));
      expect(idsOf(await findAll("mikko.korhonen", {}))).toContain(treCall);
      expect(
        (await t.query("recordings.get", { recordingId: treCall }, cookies["mikko.korhonen"])).status,
      ).toBe(200);
      // The trainer of HKI-ASPA still cannot: an assignment is not a unit grant.
      expect((await t.query("recordings.get", { recordingId: treCall }, cookies.kouluttaja)).status).toBe(
        403,
      );
    } finally {
      await t.db.delete(playlistAssignments).where(eq(playlistAssignments.id, assignment?.id ?? ""));
      await t.db.update(staffMembers).set({ unitId: hkiUnit }).where(eq(staffMembers.id, staff.mikko));
    }
  });
});

describe("recordings.count", () => {
  it("counts within the scope and the filter", async () => {
    const count = (who: DemoUsername, input: Record<string, unknown>) =>
      t
        .query("recordings.count", input, cookies[who])
        .then((r) => dataOf<{ count: number; capped: boolean }>(r));
    expect(await count("kouluttaja", {})).toEqual({ count: ids.hki.length, capped: false });
    expect(await count("mikko.korhonen", {})).toEqual({ count: ids.mikko.length, capped: false });
    expect(await count("kouluttaja", { staffMemberId: staff.anna, from: TIE.toISOString() })).toEqual({
      count: 6,
      capped: false,
    });
    expect((await t.query("recordings.count", { unitId: treUnit }, cookies.kouluttaja)).status).toBe(403);
  });

  it("stops counting at 10,000 and says so", async () => {
    // Bulk rows in a unit only the privacy officer reads; the trainer's count must not change.
    await t.db.execute(sql`
      insert into recordings (source_system_id, source_recording_id, staff_member_id, unit_id, call_started_at,
        duration_ms, original_format, original_sha256, original_size_bytes, stored_format, stored_size_bytes,
        stored_sha256, storage_key, key_id, retention_category)
      select 'bulk', 'bulk-' || g, ${staff.tero}::uuid, ${myyntiUnit}::uuid,
        timestamptz '2026-01-01T00:00:00Z' + g * interval '1 minute', 60000, 'wav', repeat('a', 64), 1, 'webm-opus',
        1, repeat('b', 64), 'bulk/' || g, 'k1', 'ordinary'
      from generate_series(1, 10001) as g`);
    const all = await t.query("recordings.count", { unitId: myyntiUnit }, cookies.tietosuoja);
    expect(dataOf(all)).toEqual({ count: 10_000, capped: true });
    const trainer = await t.query("recordings.count", {}, cookies.kouluttaja);
    expect(dataOf<{ count: number }>(trainer).count).toBeLessThan(100);
  });
});

describe("recordings.staffMembers", () => {
  it("lists the staff a trainer may filter by, an employee only themself, and refuses an administrator", async () => {
    const list = async (who: DemoUsername) =>
      dataOf<{ items: { id: string }[] }>(
        await t.query("recordings.staffMembers", {}, cookies[who]),
      ).items.map((item) => item.id);
    const trainer = await list("kouluttaja");
    expect(trainer).toEqual(expect.arrayContaining([staff.mikko, staff.anna]));
    expect(trainer).not.toContain(staff.tero);
    expect(await list("mikko.korhonen")).toEqual([staff.mikko]);
    expect((await t.query("recordings.staffMembers", {}, cookies.admin)).status).toBe(403);
  });
});
