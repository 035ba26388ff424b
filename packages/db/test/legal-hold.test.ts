import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { legalHolds, type NewRecording, recordings } from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";
import { insertController, insertStaffMember, insertUnit, pgErrorOf } from "./fixtures.js";

const RESTRICT_VIOLATION = "23001";

describe("legal hold in the database (R13)", () => {
  let t: TestDb;
  let base: Omit<NewRecording, "sourceRecordingId" | "storageKey">;

  beforeAll(async () => {
    t = await createTestDb();
    const organisation = await insertController(t.db);
    const unit = await insertUnit(t.db, organisation.id, "HOLD");
    const staff = await insertStaffMember(t.db, "holder", unit.id);
    base = {
      sourceSystemId: "recorder",
      staffMemberId: staff.id,
      unitId: unit.id,
      callStartedAt: new Date(Date.UTC(2026, 5, 1)),
      durationMs: 1000,
      originalFormat: "wav",
      originalSha256: "a".repeat(64),
      originalSizeBytes: 10,
      storedFormat: "webm-opus",
      storedSizeBytes: 5,
      storedSha256: "b".repeat(64),
      wrappedDataKey: new Uint8Array([9, 9]),
      keyId: "master-1",
      retentionCategory: "ordinary",
    };
  });
  afterAll(async () => {
    await t.close();
  });

  async function insertRecording(key: string) {
    const [row] = await t.db
      .insert(recordings)
      .values({ ...base, sourceRecordingId: key, storageKey: `k/${key}` })
      .returning();
    return row!;
  }
  const flagOf = async (id: string) =>
    (await t.db.select({ legalHold: recordings.legalHold }).from(recordings).where(eq(recordings.id, id)))[0]
      ?.legalHold;

  it("sets the flag while a hold is open and refuses deletion, erasure and soft-deletion", async () => {
    const recording = await insertRecording("held");
    const [hold] = await t.db
      .insert(legalHolds)
      .values({ recordingId: recording.id, reason: "case 1" })
      .returning();
    expect(await flagOf(recording.id)).toBe(true);

    const attempts = [
      t.db.delete(recordings).where(eq(recordings.id, recording.id)),
      t.db.update(recordings).set({ wrappedDataKey: null }).where(eq(recordings.id, recording.id)),
      t.db.update(recordings).set({ deletedAt: new Date() }).where(eq(recordings.id, recording.id)),
    ];
    for (const attempt of attempts) {
      const error = await pgErrorOf(attempt);
      expect(error.code).toBe(RESTRICT_VIOLATION);
      expect(error.message).toContain("is under legal hold");
    }
    // The flag cannot be cleared by hand while the hold is open.
    await t.db.update(recordings).set({ legalHold: false }).where(eq(recordings.id, recording.id));
    expect(await flagOf(recording.id)).toBe(true);

    await t.db.update(legalHolds).set({ releasedAt: new Date() }).where(eq(legalHolds.id, hold!.id));
    expect(await flagOf(recording.id)).toBe(false);
    await t.db.delete(recordings).where(eq(recordings.id, recording.id));
    expect(await t.db.select().from(legalHolds).where(eq(legalHolds.recordingId, recording.id))).toEqual([]);
  });

  it("stays held while any one of several holds is open", async () => {
    const recording = await insertRecording("twice");
    const holds = await t.db
      .insert(legalHolds)
      .values([
        { recordingId: recording.id, reason: "case 2" },
        { recordingId: recording.id, reason: "case 3" },
      ])
      .returning();
    await t.db.update(legalHolds).set({ releasedAt: new Date() }).where(eq(legalHolds.id, holds[0]!.id));
    expect(await flagOf(recording.id)).toBe(true);
    await t.db.delete(legalHolds).where(eq(legalHolds.id, holds[1]!.id));
    expect(await flagOf(recording.id)).toBe(false);
  });

  it("lets an unheld recording be erased and deleted", async () => {
    const recording = await insertRecording("free");
    await t.db
      .update(recordings)
      .set({ wrappedDataKey: null, deletedAt: new Date() })
      .where(eq(recordings.id, recording.id));
    await t.db.delete(recordings).where(eq(recordings.id, recording.id));
    expect(await flagOf(recording.id)).toBeUndefined();
  });
});
