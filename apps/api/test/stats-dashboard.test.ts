import { appendAuditEvent } from "@kuulo/db/audit";
import { legalHolds, recordings } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardStatsView } from "../src/services/stats/dashboard.js";
import { makeUser } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";
import { insertRecording, insertStaff } from "./training-fixtures.js";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const PASSWORD = "Kuulo-testi-salasana-2026";

function countOn(series: { day: string; count: number }[], day: string): number {
  const entry = series.find((candidate) => candidate.day === day);
  if (!entry) throw new Error(`no entry for ${day} in ${JSON.stringify(series)}`);
  return entry.count;
}

function roleCount(view: DashboardStatsView, role: string): number {
  return view.usersByRole.find((entry) => entry.role === role)?.count ?? -1;
}

async function stored(
  t: TestApp,
  unitCode: string,
  staffId: string,
  values: { ingestedAt: Date; purgeDueAt?: Date | null; bytes?: number; durationMs?: number },
): Promise<string> {
  const id = await insertRecording(t, {
    unitCode,
    staffMemberId: staffId,
    durationMs: values.durationMs ?? 60_000,
  });
  await t.db
    .update(recordings)
    .set({
      ingestedAt: values.ingestedAt,
      purgeDueAt: values.purgeDueAt ?? null,
      storedSizeBytes: values.bytes ?? 100,
    })
    .where(eq(recordings.id, id));
  return id;
}

async function listen(t: TestApp, recordingId: string, occurredAt: Date) {
  await appendAuditEvent(t.db, {
    actorType: "user",
    action: "recording.listen",
    targetType: "recording",
    targetId: recordingId,
    outcome: "success",
    details: { via: "role" },
    occurredAt,
  });
}

describe("stats.dashboard: aggregate figures for the administrator", () => {
  let t: TestApp;
  let admin: string;
  let scopedAdmin: string;
  let before: DashboardStatsView;
  let after: DashboardStatsView;
  let scoped: DashboardStatsView;
  let scopedBefore: DashboardStatsView;
  let staffMemberId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn("admin");
    const unitScoped = await makeUser(t, {
      grants: [{ role: "administrator", unitCode: "TRE-ASPA" }],
      password: PASSWORD,
      totp: true,
    });
    scopedAdmin = await t.signInAs(unitScoped.username, PASSWORD, unitScoped.totpKey);
    before = dataOf<DashboardStatsView>(await t.query("stats.dashboard", undefined, admin));
    scopedBefore = dataOf<DashboardStatsView>(await t.query("stats.dashboard", undefined, scopedAdmin));

    const now = t.clock.now();
    const hki = await insertStaff(t, "HKI-ASPA", "Tilastoija");
    const tre = await insertStaff(t, "TRE-ASPA", "Tilastoija");
    staffMemberId = hki;
    // Today (twice), two days ago, and 40 days ago (outside the 30-day window).
    const today = await stored(t, "HKI-ASPA", hki, {
      ingestedAt: new Date(now.getTime() - 60_000),
      purgeDueAt: new Date(now.getTime() + 2 * DAY),
      bytes: 1_000,
      durationMs: 30_000,
    });
    const todayTre = await stored(t, "TRE-ASPA", tre, {
      ingestedAt: new Date(now.getTime() - 120_000),
      purgeDueAt: new Date(now.getTime() + WEEK + DAY),
      bytes: 2_000,
      durationMs: 45_000,
    });
    const twoDaysAgo = await stored(t, "HKI-ASPA", hki, {
      ingestedAt: new Date(now.getTime() - 2 * DAY),
      purgeDueAt: new Date(now.getTime() + 2 * DAY + 3_600_000),
      bytes: 4_000,
      durationMs: 15_000,
    });
    const old = await stored(t, "HKI-ASPA", hki, {
      ingestedAt: new Date(now.getTime() - 40 * DAY),
      purgeDueAt: new Date(now.getTime() - DAY),
      bytes: 8_000,
      durationMs: 10_000,
    });
    // Held: due next week but under legal hold, so not counted as coming due.
    const held = await stored(t, "HKI-ASPA", hki, {
      ingestedAt: new Date(now.getTime() - 40 * DAY),
      purgeDueAt: new Date(now.getTime() + 3 * DAY),
      bytes: 16_000,
      durationMs: 5_000,
    });
    await t.db.insert(legalHolds).values({ recordingId: held, reason: "Riita-asia" });
    // Soft-deleted recordings count nowhere.
    const deleted = await stored(t, "HKI-ASPA", hki, {
      ingestedAt: new Date(now.getTime() - 60_000),
      bytes: 32_000,
    });
    await t.db.update(recordings).set({ deletedAt: now }).where(eq(recordings.id, deleted));
    ids.push(today, todayTre, twoDaysAgo, old, held, deleted);

    await listen(t, today, new Date(now.getTime() - 1_000));
    await listen(t, todayTre, new Date(now.getTime() - 2_000));
    await listen(t, old, new Date(now.getTime() - 3 * DAY));
    await listen(t, old, new Date(now.getTime() - 45 * DAY));
    // A listen stamped after the clock's now is not counted (the ctx clock decides, not the wall clock).
    await listen(t, old, new Date(now.getTime() + DAY));
    await makeUser(t, { grants: [{ role: "trainer", unitCode: "HKI-ASPA" }] });
    await makeUser(t, { grants: [{ role: "trainer", unitCode: "TRE-ASPA" }] });
    await makeUser(t, { grants: [{ role: "trainer", unitCode: "TRE-ASPA" }], status: "deactivated" });

    after = dataOf<DashboardStatsView>(await t.query("stats.dashboard", undefined, admin));
    scoped = dataOf<DashboardStatsView>(await t.query("stats.dashboard", undefined, scopedAdmin));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("counts recordings ingested per UTC day over the last 30 days, zero-filled, oldest first", () => {
    const now = t.clock.now();
    const today = now.toISOString().slice(0, 10);
    const twoDaysAgo = new Date(now.getTime() - 2 * DAY).toISOString().slice(0, 10);
    expect(after.recordingsPerDay).toHaveLength(30);
    expect(after.recordingsPerDay.at(-1)?.day).toBe(today);
    expect(after.recordingsPerDay[0]?.day).toBe(
      new Date(now.getTime() - 29 * DAY).toISOString().slice(0, 10),
    );
    expect(countOn(after.recordingsPerDay, today) - countOn(before.recordingsPerDay, today)).toBe(2);
    expect(countOn(after.recordingsPerDay, twoDaysAgo) - countOn(before.recordingsPerDay, twoDaysAgo)).toBe(
      1,
    );
    const total = (view: DashboardStatsView) =>
      view.recordingsPerDay.reduce((sum, day) => sum + day.count, 0);
    expect(total(after) - total(before)).toBe(3);
  });

  it("counts recording.listen audit events per day inside the window, by the context clock", () => {
    const now = t.clock.now();
    const today = now.toISOString().slice(0, 10);
    const threeDaysAgo = new Date(now.getTime() - 3 * DAY).toISOString().slice(0, 10);
    expect(countOn(after.listensPerDay, today) - countOn(before.listensPerDay, today)).toBe(2);
    expect(countOn(after.listensPerDay, threeDaysAgo) - countOn(before.listensPerDay, threeDaysAgo)).toBe(1);
    const total = (view: DashboardStatsView) => view.listensPerDay.reduce((sum, day) => sum + day.count, 0);
    expect(total(after) - total(before)).toBe(3);
  });

  it("sums storage over live recordings (bytes, count, duration)", () => {
    expect(after.storage.usedBytes - before.storage.usedBytes).toBe(1_000 + 2_000 + 4_000 + 8_000 + 16_000);
    expect(after.storage.recordings - before.storage.recordings).toBe(5);
    expect(after.storage.durationMs - before.storage.durationMs).toBe(
      30_000 + 45_000 + 15_000 + 10_000 + 5_000,
    );
  });

  it("counts people per role from live grants of active accounts", () => {
    expect(after.usersByRole.map((entry) => entry.role)).toEqual([
      "administrator",
      "privacy_officer",
      "trainer",
      "quality_reviewer",
      "employee",
      "external_trainer",
    ]);
    expect(roleCount(after, "trainer") - roleCount(before, "trainer")).toBe(2);
    expect(roleCount(after, "administrator")).toBeGreaterThanOrEqual(2);
  });

  it("buckets purge due dates per week for 12 weeks, leaving out held recordings; counts holds and overdue", () => {
    expect(after.dueForPurge).toHaveLength(12);
    expect(after.dueForPurge[0]?.day).toBe(t.clock.now().toISOString().slice(0, 10));
    expect((after.dueForPurge[0]?.count ?? 0) - (before.dueForPurge[0]?.count ?? 0)).toBe(2);
    expect((after.dueForPurge[1]?.count ?? 0) - (before.dueForPurge[1]?.count ?? 0)).toBe(1);
    expect(after.overdue - before.overdue).toBe(1);
    expect(after.legalHold - before.legalHold).toBe(1);
  });

  it("a unit-scoped administrator sees only the figures of its units", () => {
    const today = t.clock.now().toISOString().slice(0, 10);
    expect(countOn(scoped.recordingsPerDay, today) - countOn(scopedBefore.recordingsPerDay, today)).toBe(1);
    expect(countOn(scoped.listensPerDay, today) - countOn(scopedBefore.listensPerDay, today)).toBe(1);
    expect(scoped.storage.usedBytes - scopedBefore.storage.usedBytes).toBe(2_000);
    expect(scoped.storage.recordings - scopedBefore.storage.recordings).toBe(1);
    expect(scoped.legalHold - scopedBefore.legalHold).toBe(0);
    expect(roleCount(scoped, "trainer") - roleCount(scopedBefore, "trainer")).toBe(1);
    expect((scoped.dueForPurge[1]?.count ?? 0) - (scopedBefore.dueForPurge[1]?.count ?? 0)).toBe(1);
    expect((scoped.dueForPurge[0]?.count ?? 0) - (scopedBefore.dueForPurge[0]?.count ?? 0)).toBe(0);
  });

  it("holds no personal data: no recording id, staff id, username or name", () => {
    const text = JSON.stringify(after);
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).not.toContain(staffMemberId);
    expect(text).not.toContain("Tilastoija");
    const strings: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === "string") strings.push(value);
      else if (value && typeof value === "object") for (const inner of Object.values(value)) collect(inner);
    };
    collect(after);
    const roles = new Set(after.usersByRole.map((entry) => entry.role));
    for (const value of strings)
      expect(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value) || roles.has(value as never), value).toBe(true);
  });

  it("is refused to a privacy officer and a trainer (stats.read is the administrator's)", async () => {
    for (const username of ["tietosuoja", "kouluttaja"] as const) {
      const response = await t.query("stats.dashboard", undefined, await t.signIn(username));
      expect(response.status).toBe(403);
      expect(response.body.error?.data.domain.reason).toBe("permission.missing");
    }
  });
});
