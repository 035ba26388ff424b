import { auditEvents, loginThrottles, sessions, users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../src/auth/password-hash.js";
import { account, cookieFrom, createTestApp, dataOf, type TestApp, tokenFrom } from "../helpers/test-app.js";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe("auth.signIn (R11)", () => {
  it("signs in with the right password and sets an HttpOnly, SameSite cookie holding a 256-bit token", async () => {
    const response = await t.call("auth.signIn", {
      username: "kouluttaja",
      password: account("kouluttaja").password,
    });
    expect(response.status).toBe(200);
    expect(response.body.result?.data).toEqual({ status: "signed_in", mustChangePassword: false });
    expect(response.setCookie).toMatch(
      /^kuulo_session=[a-z2-7]{52}; Path=\/; HttpOnly; SameSite=Lax; Expires=/,
    );
    const me = await t.query("auth.me", undefined, cookieFrom(response.setCookie));
    expect(me.status).toBe(200);
    expect(dataOf<{ user: { username: string } }>(me).user.username).toBe("kouluttaja");
  });

  it("answers an unknown user and a wrong password identically", async () => {
    const unknown = await t.call("auth.signIn", { username: "nobody", password: "whatever it may be" });
    const wrong = await t.call("auth.signIn", { username: "kouluttaja", password: "whatever it may be" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error?.data.domain).toEqual({
      code: "UNAUTHENTICATED",
      message: "Wrong username or password",
      rule: "R11",
      reason: "credentials.invalid",
    });
    expect(unknown.setCookie).toBeUndefined();
  });

  it("stores only the SHA-256 of the session token", async () => {
    const cookie = await t.signIn("kouluttaja");
    const token = tokenFrom(cookie);
    const rows = await t.db.select().from(sessions);
    expect(rows).toHaveLength(1);
    const serialised = JSON.stringify(rows);
    expect(serialised).not.toContain(token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("audits success and failure without the password", async () => {
    await t.call("auth.signIn", { username: "kouluttaja", password: "not the right one" });
    await t.signIn("kouluttaja");
    const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in"));
    expect(rows.map((row) => row.outcome)).toEqual(["failure", "success"]);
    expect(JSON.stringify(rows)).not.toContain("not the right one");
    expect(JSON.stringify(rows)).not.toContain(account("kouluttaja").password);
  });

  it("rehashes on sign-in when the stored parameters differ from the configured ones", async () => {
    const old = await hashPassword(account("kouluttaja").password, {
      memoryCost: 2048,
      timeCost: 1,
      parallelism: 1,
    });
    await t.db.update(users).set({ passwordHash: old }).where(eq(users.username, "kouluttaja"));
    await t.signIn("kouluttaja");
    const [row] = await t.db.select().from(users).where(eq(users.username, "kouluttaja"));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verifyPassword(row?.passwordHash ?? "", account("kouluttaja").password)).toBe(true);
  });

  it("refuses passwords over 1 KiB before hashing", async () => {
    const response = await t.call("auth.signIn", { username: "kouluttaja", password: "x".repeat(1025) });
    expect(response.status).toBe(400);
    expect(response.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "password" });
  });
});

describe("throttling (R11)", () => {
  const fail = () => t.call("auth.signIn", { username: "kouluttaja", password: "wrong password here" });

  it("locks the account from the 5th consecutive failure; one second before/after the lock ends", async () => {
    for (let i = 0; i < 4; i++) expect((await fail()).status).toBe(401);
    // 5th failure: still the normal answer, but now a 1 s lock (2^0) starts.
    expect((await fail()).status).toBe(401);
    const good = { username: "kouluttaja", password: account("kouluttaja").password };
    const locked = await t.call("auth.signIn", good);
    expect(locked.status).toBe(429);
    expect(locked.body.error?.data.domain).toMatchObject({
      code: "RATE_LIMITED",
      reason: "sign_in.throttled",
    });
    t.clock.advance(999);
    expect((await t.call("auth.signIn", good)).status).toBe(429);
    t.clock.advance(1);
    expect((await t.call("auth.signIn", good)).status).toBe(200);
    // Success clears the consecutive count.
    expect(await t.db.select().from(loginThrottles)).toEqual([]);
  });

  it("doubles the lock with each further failure (6th → 2 s) and audits the lockout", async () => {
    for (let i = 0; i < 5; i++) await fail();
    t.clock.advanceSeconds(1);
    await fail(); // 6th
    t.clock.advanceSeconds(1);
    expect((await fail()).status).toBe(429);
    t.clock.advanceSeconds(1);
    expect((await fail()).status).toBe(401);
    const lockouts = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.lockout"));
    expect(lockouts.length).toBeGreaterThanOrEqual(2);
  });

  it("throttles per address across different accounts", async () => {
    for (const username of ["a1", "a2", "a3", "a4", "a5"]) {
      await t.call("auth.signIn", { username, password: "wrong password here" });
    }
    const other = await t.call("auth.signIn", {
      username: "mikko.korhonen",
      password: account("mikko.korhonen").password,
    });
    expect(other.status).toBe(429);
    const elsewhere = await t.call(
      "auth.signIn",
      { username: "mikko.korhonen", password: account("mikko.korhonen").password },
      { inject: { remoteAddress: "127.0.0.2" } },
    );
    expect(elsewhere.status).toBe(200);
  });

  it("caps the lock at 15 minutes", async () => {
    for (let i = 0; i < 20; i++) {
      await fail();
      t.clock.advanceSeconds(16 * 60);
    }
    await fail();
    const [row] = await t.db.select().from(loginThrottles).where(eq(loginThrottles.key, "user:kouluttaja"));
    expect(row?.failures).toBe(21);
    expect((row?.lockedUntil?.getTime() ?? 0) - t.clock.now().getTime()).toBe(15 * 60 * 1000);
  });
});
