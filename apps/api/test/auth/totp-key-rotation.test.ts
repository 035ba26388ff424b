import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { auditEvents, users } from "@kuulo/db/schema";
import { decodeBase32 } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSecret, sealedKeyId, secretKeyId } from "../../src/auth/secret-box.js";
import { TOTP_SEAL_PURPOSE } from "../../src/auth/totp.js";
import { rewrapTotpSecrets } from "../../src/cli/totp-rewrap.js";
import { buildApp } from "../../src/server/build-app.js";
import { account, createTestApp, MASTER_KEY, TestApp } from "../helpers/test-app.js";
import { testConfig } from "../helpers/test-config.js";

const KEY_A = MASTER_KEY;
const KEY_B = new Uint8Array(32).fill(9);
const base64 = (key: Uint8Array) => Buffer.from(key).toString("base64");

/** The format sealed before key ids existed (bare base64 of nonce ‖ ciphertext ‖ tag, no AAD). */
function legacySeal(masterKey: Uint8Array, plaintext: Uint8Array): string {
  const key = Buffer.from(hkdfSync("sha256", masterKey, new Uint8Array(0), `kuulo:${TOTP_SEAL_PURPOSE}`, 32));
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64");
}

let t: TestApp;
const extra: TestApp[] = [];
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  for (const other of extra.splice(0)) await other.app.close();
  await t.close();
});

/** Another API process on the same database, started with another master key configuration. */
async function restartWith(masterKey: Uint8Array, previous: Uint8Array[]): Promise<TestApp> {
  const config = testConfig({
    KUULO_MASTER_KEY: base64(masterKey),
    ...(previous.length > 0 ? { KUULO_PREVIOUS_MASTER_KEYS: previous.map(base64).join(",") } : {}),
  });
  const app = await buildApp({
    config,
    db: t.db,
    masterKey,
    clock: t.clock,
    logger: false,
    serveSpas: false,
  });
  const restarted = new TestApp(app, t.testDb, t.clock, config);
  extra.push(restarted);
  return restarted;
}

const secretOf = async (username: string) =>
  (await t.db.select({ s: users.totpSecretEncrypted }).from(users).where(eq(users.username, username)))[0]
    ?.s ?? "";

describe("master key rotation keeps TOTP working", () => {
  it("seals with the current key's id and opens with a previous key named by the box", async () => {
    const sealed = await secretOf("admin");
    expect(sealedKeyId(sealed)).toBe(secretKeyId(KEY_A));
    const expected = decodeBase32(account("admin").totpSecret ?? "");
    expect(openSecret(KEY_B, TOTP_SEAL_PURPOSE, sealed, [KEY_A])).toEqual(expected);
    expect(() => openSecret(KEY_B, TOTP_SEAL_PURPOSE, sealed, [])).toThrow(/not configured/);
  });

  it("enrolled under key A: sign-in works after rotating to B (A previous), and after rewrap without A", async () => {
    // One secret in the original format, as databases sealed before key ids hold them.
    const legacy = legacySeal(KEY_A, decodeBase32(account("tietosuoja").totpSecret ?? ""));
    await t.db.update(users).set({ totpSecretEncrypted: legacy }).where(eq(users.username, "tietosuoja"));

    const withoutA = await restartWith(KEY_B, []);
    await expect(withoutA.signIn("admin")).rejects.toThrow(/second factor of admin failed/);
    t.clock.advanceSeconds(30);

    const rotated = await restartWith(KEY_B, [KEY_A]);
    await rotated.signIn("admin");
    await rotated.signIn("tietosuoja");

    const result = await rewrapTotpSecrets({
      db: t.db,
      masterKey: KEY_B,
      previousKeys: [KEY_A],
      clock: t.clock,
      actorLabel: "cli:test",
    });
    expect(result.unreadable).toEqual([]);
    const enrolled = await t.db.select({ s: users.totpSecretEncrypted }).from(users);
    const sealedCount = enrolled.filter((row) => row.s !== null).length;
    expect(result.rewrapped).toBe(sealedCount);
    expect(sealedKeyId(await secretOf("tietosuoja"))).toBe(secretKeyId(KEY_B));
    const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.totp_rewrap"));
    expect(row?.details).toMatchObject({ rewrapped: sealedCount, unreadable: 0 });

    t.clock.advanceSeconds(30);
    const onlyB = await restartWith(KEY_B, []);
    await onlyB.signIn("admin");
    await onlyB.signIn("tietosuoja");
    // Nothing left for a second run.
    expect(
      (
        await rewrapTotpSecrets({
          db: t.db,
          masterKey: KEY_B,
          previousKeys: [],
          clock: t.clock,
          actorLabel: "x",
        })
      ).rewrapped,
    ).toBe(0);
  });

  it("lists secrets no configured key opens instead of stopping", async () => {
    const stranger = new Uint8Array(32).fill(1);
    const lost = legacySeal(stranger, new Uint8Array(20).fill(5));
    await t.db.update(users).set({ totpSecretEncrypted: lost }).where(eq(users.username, "kouluttaja"));
    const result = await rewrapTotpSecrets({
      db: t.db,
      masterKey: KEY_B,
      previousKeys: [KEY_A],
      clock: t.clock,
      actorLabel: "cli:test",
    });
    expect(result.unreadable).toHaveLength(1);
    expect(result.rewrapped).toBeGreaterThan(0);
    expect(await secretOf("kouluttaja")).toBe(lost);
  });
});
