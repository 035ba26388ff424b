import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiTokens,
  organisations,
  playlistAssignments,
  playlists,
  recordings,
  roleGrants,
  sessions,
  users,
} from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";
import { insertController, insertStaffMember, insertUnit, insertUser, pgErrorOf } from "./fixtures.js";

const UNIQUE_VIOLATION = "23505";
const CHECK_VIOLATION = "23514";

describe("schema constraints", () => {
  let t: TestDb;
  let organisationId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestDb();
    organisationId = (await insertController(t.db)).id;
    unitId = (await insertUnit(t.db, organisationId, "SALES")).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it("allows exactly one controller organisation but several processors", async () => {
    const error = await pgErrorOf(
      t.db
        .insert(organisations)
        .values({ kind: "controller", name: "Other", businessId: "1234567-8", country: "FI" }),
    );
    expect(error).toMatchObject({ code: UNIQUE_VIOLATION, constraint: "organisations_single_controller" });
    const processor = {
      kind: "processor" as const,
      country: "FI",
      agreementReference: "DPA-1",
      agreementValidFrom: new Date("2026-01-01T00:00:00Z"),
    };
    await t.db.insert(organisations).values([
      { ...processor, name: "Processor A", businessId: "2000000-1" },
      { ...processor, name: "Processor B", businessId: "2000000-2" },
    ]);
  });

  it("requires an agreement from a processor", async () => {
    const error = await pgErrorOf(
      t.db
        .insert(organisations)
        .values({ kind: "processor", name: "No DPA", businessId: "3000000-1", country: "FI" }),
    );
    expect(error).toMatchObject({ code: CHECK_VIOLATION, constraint: "organisations_processor_agreement" });
  });

  it("keeps unit codes unique", async () => {
    const error = await pgErrorOf(insertUnit(t.db, organisationId, "SALES"));
    expect(error).toMatchObject({ code: UNIQUE_VIOLATION, constraint: "units_code_unique" });
  });

  it("keeps usernames unique and lower-case", async () => {
    await insertUser(t.db, organisationId, "maija");
    expect(await pgErrorOf(insertUser(t.db, organisationId, "maija"))).toMatchObject({
      code: UNIQUE_VIOLATION,
      constraint: "users_username_unique",
    });
    expect(await pgErrorOf(insertUser(t.db, organisationId, "Maija"))).toMatchObject({
      code: CHECK_VIOLATION,
      constraint: "users_username_lower_case",
    });
  });

  it("refuses a second live grant of the same role and scope, including the all-units scope", async () => {
    const user = await insertUser(t.db, organisationId, "granted");
    await t.db.insert(roleGrants).values([
      { userId: user.id, role: "trainer", unitId },
      { userId: user.id, role: "trainer", unitId: null },
    ]);
    for (const scope of [unitId, null]) {
      const error = await pgErrorOf(
        t.db.insert(roleGrants).values({ userId: user.id, role: "trainer", unitId: scope }),
      );
      expect(error).toMatchObject({ code: UNIQUE_VIOLATION, constraint: "role_grants_active_unique" });
    }
    // A revoked grant does not block granting again.
    await t.db
      .insert(roleGrants)
      .values({ userId: user.id, role: "employee", unitId, revokedAt: new Date() });
    await t.db.insert(roleGrants).values({ userId: user.id, role: "employee", unitId });
  });

  it("refuses a role the domain does not define", async () => {
    const user = await insertUser(t.db, organisationId, "norole");
    const error = await pgErrorOf(
      t.db.insert(roleGrants).values({ userId: user.id, role: "superuser" as "trainer", unitId }),
    );
    expect(error.code).toBe("22P02");
  });

  it("keeps api token hashes unique and session ids SHA-256 hex", async () => {
    const user = await insertUser(t.db, organisationId, "sessioned");
    await t.db
      .insert(apiTokens)
      .values({ name: "recorder", tokenHash: "a".repeat(64), scopes: ["recording.ingest"] });
    expect(
      await pgErrorOf(
        t.db.insert(apiTokens).values({ name: "again", tokenHash: "a".repeat(64), scopes: [] }),
      ),
    ).toMatchObject({ code: UNIQUE_VIOLATION, constraint: "api_tokens_token_hash_unique" });
    const session = { userId: user.id, expiresAt: new Date(Date.UTC(2030, 0, 1)), idleTimeoutSeconds: 1800 };
    await t.db.insert(sessions).values({ ...session, id: "b".repeat(64) });
    expect(await pgErrorOf(t.db.insert(sessions).values({ ...session, id: "raw-token" }))).toMatchObject({
      code: CHECK_VIOLATION,
      constraint: "sessions_id_sha256_hex",
    });
  });

  it("keeps one recording per source system id and reads bytea and bigint back on both drivers", async () => {
    const staff = await insertStaffMember(t.db, "matti", unitId);
    const recording = {
      sourceSystemId: "recorder-1",
      sourceRecordingId: "call-1",
      staffMemberId: staff.id,
      unitId,
      callStartedAt: new Date("2026-11-02T08:15:00.123Z"),
      durationMs: 61_000,
      originalFormat: "wav",
      originalSha256: "c".repeat(64),
      originalSizeBytes: 5_000_000_000,
      storedFormat: "webm-opus",
      storedSizeBytes: 400_000,
      storedSha256: "d".repeat(64),
      storageKey: "recordings/0001",
      wrappedDataKey: new Uint8Array([1, 2, 3, 255]),
      keyId: "master-1",
      peaks: [0, 0.5, 1],
      retentionCategory: "training" as const,
    };
    const [inserted] = await t.db.insert(recordings).values(recording).returning();
    expect(inserted).toMatchObject({
      callStartedAt: recording.callStartedAt,
      originalSizeBytes: 5_000_000_000,
      peaks: [0, 0.5, 1],
      legalHold: false,
    });
    expect([...(inserted?.wrappedDataKey ?? [])]).toEqual([1, 2, 3, 255]);
    const duplicate = { ...recording, storageKey: "recordings/0002" };
    expect(await pgErrorOf(t.db.insert(recordings).values(duplicate))).toMatchObject({
      code: UNIQUE_VIOLATION,
      constraint: "recordings_source_unique",
    });
  });

  it("assigns a playlist to exactly one of a unit or a user", async () => {
    const trainer = await insertUser(t.db, organisationId, "trainer");
    const [playlist] = await t.db
      .insert(playlists)
      .values({ title: "Greeting customers", unitId, createdBy: trainer.id })
      .returning();
    const playlistId = playlist!.id;
    await t.db.insert(playlistAssignments).values([
      { playlistId, unitId },
      { playlistId, userId: trainer.id },
    ]);
    for (const target of [{}, { unitId, userId: trainer.id }]) {
      expect(
        await pgErrorOf(t.db.insert(playlistAssignments).values({ playlistId, ...target })),
      ).toMatchObject({
        code: CHECK_VIOLATION,
        constraint: "playlist_assignments_one_target",
      });
    }
  });

  it("ties a deactivated status to a deactivation time", async () => {
    const error = await pgErrorOf(
      t.db.insert(users).values({
        organisationId,
        username: "gone",
        firstName: "G",
        lastName: "One",
        status: "deactivated",
      }),
    );
    expect(error).toMatchObject({ code: CHECK_VIOLATION, constraint: "users_deactivated_consistent" });
  });
});
