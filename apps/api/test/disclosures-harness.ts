import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordings, roleGrants, users } from "@kuulo/db/schema";
import { computeRetention, DEFAULT_RETENTION_POLICY } from "@kuulo/domain/retention";
import { eq } from "drizzle-orm";
import { sessionCookieName } from "../src/auth/session-cookie.js";
import { createSession } from "../src/auth/sessions.js";
import { storeOf } from "../src/services/retention/store-of.js";
import type { EncryptedBlobStore } from "../src/storage/index.js";
import { makeUser, unitId } from "./helpers/fixtures.js";
import { createTestApp, MASTER_KEY, type TestApp } from "./helpers/test-app.js";
import { insertStaff } from "./training-fixtures.js";

/** Set-up for the disclosure, legal-hold and retention tests: rows and objects written directly. */

export interface DisclosureTestApp {
  t: TestApp;
  store: EncryptedBlobStore;
  close(): Promise<void>;
}

export async function startDisclosureApp(env: Record<string, string> = {}): Promise<DisclosureTestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), "kuulo-disclosure-test-"));
  const t = await createTestApp({
    env: { KUULO_DATA_DIR: dataDir, KUULO_RETENTION_INTERVAL_MINUTES: "0", ...env },
  });
  return {
    t,
    store: storeOf({ config: t.config, masterKey: MASTER_KEY }),
    async close() {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Bytes that start like a WebM file (EBML magic), so a leak of them is recognisable. */
export function fakeWebm(size = 3000): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(size - 4)]));
}

export interface StoredRecording {
  id: string;
  storageKey: string;
  audio: Uint8Array;
  staffMemberId: string;
}

/** An encrypted object plus its row, due per the default policy (365 days from the call). */
export async function storeRecording(
  app: DisclosureTestApp,
  options: {
    unitCode?: string;
    staffMemberId?: string;
    callStartedAt?: Date;
    /** A real stored WebM (and its length) where the test cuts clips; random bytes otherwise. */
    audio?: { bytes: Uint8Array; durationMs: number };
  } = {},
): Promise<StoredRecording> {
  const { t, store } = app;
  const unitCode = options.unitCode ?? "HKI-ASPA";
  const staffMemberId = options.staffMemberId ?? (await insertStaff(t, unitCode));
  const callStartedAt = options.callStartedAt ?? new Date(t.clock.now().getTime() - 86_400_000);
  const audio = options.audio?.bytes ?? fakeWebm();
  const storageKey = `rec/${randomUUID()}`;
  const put = await store.putEncrypted(storageKey, audio);
  const decision = computeRetention(
    { callStartedAt, legalHold: false },
    DEFAULT_RETENTION_POLICY,
    t.clock.now(),
  );
  const [row] = await t.db
    .insert(recordings)
    .values({
      sourceSystemId: "recorder",
      sourceRecordingId: storageKey,
      staffMemberId,
      unitId: await unitId(t, unitCode),
      callStartedAt,
      durationMs: options.audio?.durationMs ?? 42_000,
      originalFormat: "wav-pcm16",
      originalSha256: "a".repeat(64),
      originalSizeBytes: 6000,
      storedFormat: "webm-opus",
      storedSizeBytes: audio.length,
      storedSha256: "b".repeat(64),
      storageKey,
      wrappedDataKey: put.wrappedKey,
      keyId: put.keyId,
      retentionCategory: decision.category,
      purgeDueAt: decision.dueAt,
    })
    .returning({ id: recordings.id });
  if (!row) throw new Error("insert failed");
  return { id: row.id, storageKey, audio, staffMemberId };
}

/** A second privacy officer (all units) with a fully signed-in session, for four-eyes. */
export async function secondPrivacyOfficer(t: TestApp): Promise<{ id: string; cookie: string }> {
  const user = await makeUser(t, { grants: [{ role: "privacy_officer", unitCode: null }] });
  await t.db.update(users).set({ totpEnabledAt: t.clock.now() }).where(eq(users.id, user.id));
  return { id: user.id, cookie: await sessionFor(t, user.id) };
}

/** A live session made directly (set-up, not under test): 1 h absolute, 30 min idle. */
export async function sessionFor(t: TestApp, userId: string): Promise<string> {
  const session = await createSession(t.db, {
    userId,
    now: t.clock.now(),
    idleSeconds: 1800,
    absoluteSeconds: 3600,
    secondFactorVerified: true,
    ip: null,
    userAgent: null,
  });
  return `${sessionCookieName(t.config.cookieSecure)}=${session.token}`;
}

export async function grantsOf(t: TestApp, userId: string) {
  return t.db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
}
