import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { apiTokens, auditEvents, retentionSettings, staffMembers } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestRecording } from "../src/services/recordings/ingest.js";
import { FIXTURES, makeWav, readFixture } from "./fixtures/audio/audio-fixtures.js";
import {
  createToken,
  listFiles,
  metadataFor,
  postIngest,
  type RecordingsTestApp,
  recordingCount,
  recordingRow,
  startRecordingsApp,
} from "./recordings-harness.js";

const MAX_BYTES = 1_500_000;

let app: RecordingsTestApp;
let token: string;
let tokenId: string;

beforeAll(async () => {
  app = await startRecordingsApp({
    KUULO_INGEST_MAX_BYTES: String(MAX_BYTES),
    KUULO_INGEST_MAX_DURATION_SECONDS: "60",
  });
  ({ token, id: tokenId } = await createToken(app.t));
});
afterAll(async () => app?.close());

/** Runs a refused ingest and checks that no row, no object and no temp file is left behind. */
async function expectRefusedWithNothingLeft(
  send: () => Promise<{ status: number; body: Record<string, unknown> }>,
) {
  const rowsBefore = await recordingCount(app.t);
  const filesBefore = await listFiles(app.objectsDir);
  const response = await send();
  expect(await recordingCount(app.t)).toBe(rowsBefore);
  expect(await listFiles(app.objectsDir)).toEqual(filesBefore);
  expect(await readdir(join(app.dataDir, "tmp")).catch(() => [])).toEqual([]);
  return response;
}

describe("POST /ingest/v1/recordings", () => {
  it("stores a recording: 201 with id, duration and the original's SHA-256", async () => {
    const audio = readFixture(FIXTURES.pcm16Mono16k);
    const response = await postIngest(app, token, metadataFor("ing-0001"), audio);
    expect(response.body).toMatchObject({ sourceRecordingId: "ing-0001" });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      sourceRecordingId: "ing-0001",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const row = await recordingRow(app.t, response.body.id as string);
    expect(row.originalSha256).toBe(response.body.sha256);
    expect(row.durationMs).toBe(response.body.durationMs);
    expect(row.storageKey).toMatch(/^rec\/[0-9a-f-]{36}$/);
    expect(row.wrappedDataKey?.length).toBeGreaterThan(40);
    expect(row.retentionCategory).toBe("ordinary");
    expect(row.purgeDueAt?.toISOString()).toBe(
      new Date(Date.parse("2026-10-07T07:02:00Z") + 365 * 86_400_000).toISOString(),
    );
    const [audit] = await app.t.db.select().from(auditEvents).where(eq(auditEvents.targetId, row.id));
    expect(audit).toMatchObject({ action: "recording.ingest", actorType: "machine", outcome: "success" });
    expect(JSON.stringify(audit?.details)).not.toMatch(/Korhonen|358401234502/);
    const [usedToken] = await app.t.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(usedToken?.lastUsedAt).not.toBeNull();
  });

  it("refuses an extra metadata field naming it and R4, storing nothing", async () => {
    const response = await expectRefusedWithNothingLeft(() =>
      postIngest(
        app,
        token,
        metadataFor("ing-x1", { callerNumber: "+358501112233" }),
        readFixture(FIXTURES.mp3),
      ),
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: "VALIDATION", field: "callerNumber", rule: "R4" });
    expect(response.body.message).toContain("callerNumber");
  });

  it("refuses an extra multipart part naming it", async () => {
    const response = await expectRefusedWithNothingLeft(() =>
      postIngest(app, token, metadataFor("ing-x2"), readFixture(FIXTURES.mp3), { customerName: "Ravintola" }),
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ field: "customerName", rule: "R4" });
  });

  it("refuses an unknown unit code naming unitCode", async () => {
    const response = await expectRefusedWithNothingLeft(() =>
      postIngest(app, token, metadataFor("ing-x3", { unitCode: "OUL-ASPA" }), readFixture(FIXTURES.mp3)),
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ field: "unitCode" });
  });

  it("refuses a missing, wrong or revoked token, and a token without the ingest scope", async () => {
    const audio = readFixture(FIXTURES.mp3);
    const missing = await expectRefusedWithNothingLeft(() =>
      postIngest(app, null, metadataFor("ing-t1"), audio),
    );
    expect(missing.status).toBe(401);
    const wrong = await expectRefusedWithNothingLeft(() =>
      postIngest(app, `kuulo_${"a".repeat(52)}`, metadataFor("ing-t2"), audio),
    );
    expect(wrong.status).toBe(401);
    const revoked = await createToken(app.t);
    await app.t.db
      .update(apiTokens)
      .set({ revokedAt: app.t.clock.now() })
      .where(eq(apiTokens.id, revoked.id));
    const refused = await expectRefusedWithNothingLeft(() =>
      postIngest(app, revoked.token, metadataFor("ing-t3"), audio),
    );
    expect(refused.status).toBe(401);
    const unscoped = await createToken(app.t, ["recording.listen"]);
    const forbidden = await expectRefusedWithNothingLeft(() =>
      postIngest(app, unscoped.token, metadataFor("ing-t4"), audio),
    );
    expect(forbidden.status).toBe(403);
  });

  const silence = (seconds: number) =>
    makeWav({ sampleRate: 8000, data: new Uint8Array(8000 * 2 * seconds) });
  const wav = readFixture(FIXTURES.pcm16Mono16k);
  const badAudio: [string, Uint8Array, number][] = [
    ["empty", new Uint8Array(0), 400],
    ["plain text", new TextEncoder().encode("this is not audio at all, just a text file ".repeat(20)), 415],
    [
      "PNG image",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(600)]),
      415,
    ],
    ["truncated WAV", wav.subarray(0, 30), 400],
    ["WAV with a corrupt data size", makeWav({ declaredDataSize: 0xffffffff }), 400],
    ["8-bit WAV", makeWav({ bits: 8 }), 415],
    ["truncated MP3", readFixture(FIXTURES.mp3).subarray(0, 200), 400],
    ["truncated Ogg Opus", readFixture(FIXTURES.oggOpus).subarray(0, 100), 400],
    ["over-long (61 s)", silence(61), 400],
  ];
  it.each(badAudio)("refuses %s with a 4xx and leaves nothing behind", async (_kind, audio, status) => {
    const response = await expectRefusedWithNothingLeft(() =>
      postIngest(app, token, metadataFor("ing-bad"), audio),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ field: "audio", message: expect.any(String) });
  });

  it("refuses an oversized upload with 413 and leaves nothing behind", async () => {
    const response = await expectRefusedWithNothingLeft(() =>
      postIngest(app, token, metadataFor("ing-big"), silence(100)),
    );
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: "PAYLOAD_TOO_LARGE", field: "audio" });
  });

  it("is idempotent: the same content again returns the same recording", async () => {
    const audio = readFixture(FIXTURES.oggOpus);
    const first = await postIngest(app, token, metadataFor("ing-dup"), audio);
    expect(first.status).toBe(201);
    const rows = await recordingCount(app.t);
    const files = await listFiles(app.objectsDir);
    const again = await postIngest(app, token, metadataFor("ing-dup"), audio);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await recordingCount(app.t)).toBe(rows);
    expect(await listFiles(app.objectsDir)).toEqual(files);
  });

  it("refuses different content under an existing id with 409 and changes nothing", async () => {
    const first = await postIngest(app, token, metadataFor("ing-conflict"), readFixture(FIXTURES.alawMono8k));
    expect(first.status).toBe(201);
    const before = await recordingRow(app.t, first.body.id as string);
    const response = await expectRefusedWithNothingLeft(() =>
      postIngest(
        app,
        token,
        metadataFor("ing-conflict", { firstName: "Mikael" }),
        readFixture(FIXTURES.mulawMono8k),
      ),
    );
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: "CONFLICT", field: "sourceRecordingId" });
    expect(await recordingRow(app.t, before.id)).toEqual(before);
    const [staff] = await app.t.db
      .select()
      .from(staffMembers)
      .where(eq(staffMembers.username, "mikko.korhonen"));
    expect(staff?.firstName).toBe("Mikko");
  });

  it("creates one row for concurrent ingests of the same id", async () => {
    const audio = readFixture(FIXTURES.mulawMono8k);
    const rows = await recordingCount(app.t);
    const files = (await listFiles(app.objectsDir)).length;
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        postIngest(app, token, metadataFor("ing-race", { username: "uusi.myyja", firstName: "Uusi" }), audio),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await recordingCount(app.t)).toBe(rows + 1);
    expect((await listFiles(app.objectsDir)).length).toBe(files + 1);
  });

  it("refuses all but one of concurrent ingests of one id with different audio", async () => {
    const rows = await recordingCount(app.t);
    const files = (await listFiles(app.objectsDir)).length;
    const audios = [FIXTURES.pcm16Mono16k, FIXTURES.pcm16Stereo8k, FIXTURES.alawMono8k].map(readFixture);
    const responses = await Promise.all(
      audios.map((audio) => postIngest(app, token, metadataFor("ing-race-2"), audio)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await recordingCount(app.t)).toBe(rows + 1);
    expect((await listFiles(app.objectsDir)).length).toBe(files + 1);
  });

  it("creates an unknown staff member from the metadata and updates a known one", async () => {
    const created = await postIngest(
      app,
      token,
      metadataFor("ing-staff-1", {
        username: "Sanna.Heikkinen",
        firstName: "Sanna",
        lastName: "Heikkinen",
        phoneNumber: "040 123 4505",
        unitCode: "TRE-ASPA",
      }),
      readFixture(FIXTURES.mp3),
    );
    expect(created.status).toBe(201);
    const [staff] = await app.t.db
      .select()
      .from(staffMembers)
      .where(eq(staffMembers.username, "sanna.heikkinen"));
    expect(staff).toMatchObject({ firstName: "Sanna", phoneNumber: "+358401234505" });
    const updated = await postIngest(
      app,
      token,
      metadataFor("ing-staff-2", {
        username: "sanna.heikkinen",
        firstName: "Sanna",
        lastName: "Heikkinen-Laine",
        phoneNumber: "+358401234599",
        unitCode: undefined,
      }),
      readFixture(FIXTURES.oggOpus),
    );
    expect(updated.status).toBe(201);
    const [after] = await app.t.db.select().from(staffMembers).where(eq(staffMembers.id, staff!.id));
    expect(after).toMatchObject({
      lastName: "Heikkinen-Laine",
      phoneNumber: "+358401234599",
      unitId: staff!.unitId,
    });
  });
});

describe("ingest service: object before row, never an orphan", () => {
  it("deletes the written object when the transaction fails", async () => {
    const audioPath = join(app.dataDir, "fault.wav");
    await writeFile(audioPath, readFixture(FIXTURES.pcm16Stereo8k));
    const failingDb = new Proxy(app.t.db, {
      get(target, property, receiver) {
        if (property === "transaction")
          return async () => {
            throw new Error("simulated crash inside the transaction");
          };
        return Reflect.get(target, property, receiver);
      },
    });
    const rows = await recordingCount(app.t);
    const files = await listFiles(app.objectsDir);
    await expect(
      ingestRecording({
        ctx: {
          db: failingDb,
          clock: app.t.clock,
          storage: app.storage,
          ingest: app.t.config.ingest,
          actor: { kind: "system", job: "import" },
          actorLabel: "test",
          ip: null,
        },
        input: { metadata: metadataFor("ing-fault"), audioPath },
      }),
    ).rejects.toThrow(/simulated crash/);
    expect(await recordingCount(app.t)).toBe(rows);
    expect(await listFiles(app.objectsDir)).toEqual(files);
  });

  it("dates the purge by the configured retention period (R13)", async () => {
    await app.t.db.insert(retentionSettings).values({ category: "ordinary", periodDays: 30 });
    const response = await postIngest(app, token, metadataFor("ing-retention"), readFixture(FIXTURES.mp3));
    expect(response.status).toBe(201);
    const row = await recordingRow(app.t, response.body.id as string);
    expect(row.purgeDueAt?.getTime()).toBe(Date.parse("2026-10-07T07:02:00Z") + 30 * 86_400_000);
  });
});
