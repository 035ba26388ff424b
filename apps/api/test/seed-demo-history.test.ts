import { linkPendingAuditEvents, verifyAuditChain } from "@kuulo/db/audit";
import { auditEvents, recordings, staffMembers, units } from "@kuulo/db/schema";
import { createTestDb, type TestDb } from "@kuulo/db/testing";
import { DEFAULT_RETENTION_POLICY } from "@kuulo/domain/retention";
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../src/seed/seed-demo.js";
import { DEMO_HISTORY_DAYS, seedDemoHistory } from "../src/seed/seed-demo-history.js";
import { MASTER_KEY } from "./helpers/test-app.js";
import { testConfig } from "./helpers/test-config.js";

const DAY_MS = 86_400_000;
const NOW = new Date("2026-12-06T07:00:00.000Z");

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
  await seedDemoIfEmpty(db.db, testConfig(), MASTER_KEY, new Date(NOW.getTime() - 2 * DAY_MS));
  // Twelve calls all "today", as the import leaves them, in the trainer's unit and another.
  const unitRows = await db.db.select({ id: units.id, code: units.code }).from(units);
  const unitOf = (code: string) => unitRows.find((unit) => unit.code === code)?.id ?? "";
  const [staff] = await db.db
    .insert(staffMembers)
    .values({
      firstName: "Testi",
      lastName: "Puhuja",
      username: "testi.puhuja",
      phoneNumber: "+358401110000",
    })
    .returning({ id: staffMembers.id });
  await db.db.insert(recordings).values(
    Array.from({ length: 12 }, (_, index) => ({
      sourceSystemId: "demo",
      sourceRecordingId: `demo-${index}`,
      staffMemberId: staff?.id ?? "",
      unitId: unitOf(index % 3 === 0 ? "TRE-ASPA" : "HKI-ASPA"),
      callStartedAt: new Date(NOW.getTime() - 60_000 * (index + 1)),
      durationMs: 30_000,
      originalFormat: "wav-pcm16",
      originalSha256: "a".repeat(64),
      originalSizeBytes: 1000,
      storedFormat: "webm-opus",
      storedSizeBytes: 100,
      storedSha256: "b".repeat(64),
      storageKey: `history/${index}`,
      keyId: "k1",
      ingestedAt: NOW,
      retentionCategory: "ordinary" as const,
      purgeDueAt: new Date(NOW.getTime() + 365 * DAY_MS),
    })),
  );
});
afterEach(async () => {
  await db.close();
});

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

describe("demo history", () => {
  it("spreads the calls over the last weeks, with arrival times after each call and purge dates by the rule", async () => {
    const result = await seedDemoHistory(db.db, NOW);
    expect(result.calls).toBe(12);
    const rows = await db.db.select().from(recordings).orderBy(asc(recordings.callStartedAt));
    for (const row of rows) {
      expect(row.callStartedAt.getTime()).toBeLessThan(NOW.getTime());
      expect(row.ingestedAt.getTime()).toBeGreaterThan(row.callStartedAt.getTime());
      expect(row.ingestedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(row.purgeDueAt?.getTime()).toBe(
        row.callStartedAt.getTime() + DEFAULT_RETENTION_POLICY.ordinaryDays * DAY_MS,
      );
    }
    const [oldest, second, ...recent] = rows;
    // Two older calls come due within the dashboard's 12-week forecast, not now.
    for (const old of [oldest, second]) {
      const dueIn = ((old?.purgeDueAt?.getTime() ?? 0) - NOW.getTime()) / DAY_MS;
      expect(dueIn).toBeGreaterThan(0);
      expect(dueIn).toBeLessThan(12 * 7);
    }
    // The rest fall on distinct days across the last weeks, not all on one.
    const days = new Set(recent.map((row) => dayOf(row.ingestedAt)));
    expect(days.size).toBe(recent.length);
    const earliest = Math.min(...recent.map((row) => row.callStartedAt.getTime()));
    expect((NOW.getTime() - earliest) / DAY_MS).toBeGreaterThan(DEMO_HISTORY_DAYS - 2);
    expect((NOW.getTime() - earliest) / DAY_MS).toBeLessThanOrEqual(DEMO_HISTORY_DAYS + 1);
  });

  it("writes the trainer's listens on past days, only to calls of the trainer's unit, and the audit chain stays valid", async () => {
    const result = await seedDemoHistory(db.db, NOW);
    const listens = await db.db.select().from(auditEvents).where(eq(auditEvents.action, "recording.listen"));
    expect(listens).toHaveLength(result.listens);
    expect(result.listens).toBeGreaterThan(3);
    const [hki] = await db.db.select({ id: units.id }).from(units).where(eq(units.code, "HKI-ASPA"));
    const calls = new Map((await db.db.select().from(recordings)).map((row) => [row.id, row] as const));
    for (const listen of listens) {
      expect(listen.actorLabel).toBe("kouluttaja");
      const call = calls.get(listen.targetId ?? "");
      expect(call?.unitId).toBe(hki?.id);
      expect(listen.occurredAt.getTime()).toBeGreaterThan(call?.callStartedAt.getTime() ?? Infinity);
      expect(listen.occurredAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    expect(new Set(listens.map((listen) => dayOf(listen.occurredAt))).size).toBeGreaterThan(3);
    await linkPendingAuditEvents(db.db);
    expect((await verifyAuditChain(db.db)).ok).toBe(true);
  });
});
