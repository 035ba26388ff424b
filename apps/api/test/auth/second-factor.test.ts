import { users } from "@kuulo/db/schema";
import { decodeBase32 } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/auth/totp.js";
import { makeUser } from "../helpers/fixtures.js";
import { account, cookieFrom, createTestApp, dataOf, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const adminSecret = () => decodeBase32(account("admin").totpSecret ?? "");

async function passwordStep(username: string, password: string) {
  const response = await t.call("auth.signIn", { username, password });
  return { status: dataOf<{ status: string }>(response).status, cookie: cookieFrom(response.setCookie) };
}

describe("second factor at sign-in (ASVS 6.3.2)", () => {
  it("a password alone gives a pending session that can only verify", async () => {
    const pending = await passwordStep("admin", account("admin").password);
    expect(pending.status).toBe("second_factor_required");
    const me = dataOf<{ session: { stage: string }; permissions: unknown[] }>(
      await t.query("auth.me", undefined, pending.cookie),
    );
    expect(me.session.stage).toBe("second_factor");
    expect(me.permissions).toEqual([]);
    const refused = await t.query("users.find", {}, pending.cookie);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.data.domain.reason).toBe("session.second_factor_required");
  });

  it("refuses a wrong code and accepts the right one under a new token", async () => {
    const pending = await passwordStep("admin", account("admin").password);
    const wrong = await t.call("auth.verifySecondFactor", { code: "000000" }, { cookie: pending.cookie });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.data.domain).toMatchObject({ field: "code", reason: "second_factor.invalid" });
    const code = totpCodeAt(adminSecret(), t.clock.now());
    const ok = await t.call("auth.verifySecondFactor", { code }, { cookie: pending.cookie });
    expect(dataOf(ok)).toEqual({ status: "signed_in" });
    const full = cookieFrom(ok.setCookie);
    expect(full).not.toBe(pending.cookie);
    expect((await t.query("auth.me", undefined, pending.cookie)).status).toBe(401);
    expect((await t.query("users.find", {}, full)).status).toBe(200);
  });

  it("keeps counting wrong codes across fresh password sign-ins (no reset of the back-off)", async () => {
    for (let i = 0; i < 5; i++) {
      const pending = await passwordStep("admin", account("admin").password);
      expect(
        (await t.call("auth.verifySecondFactor", { code: "000000" }, { cookie: pending.cookie })).status,
      ).toBe(401);
    }
    const locked = await t.call("auth.signIn", { username: "admin", password: account("admin").password });
    expect(locked.status).toBe(429);
    t.clock.advanceSeconds(1);
    const pending = await passwordStep("admin", account("admin").password);
    const code = totpCodeAt(adminSecret(), t.clock.now());
    expect((await t.call("auth.verifySecondFactor", { code }, { cookie: pending.cookie })).status).toBe(200);
  });

  it("accepts a TOTP code once: the same code again, or an earlier step's, is refused (RFC 6238 5.2)", async () => {
    const code = totpCodeAt(adminSecret(), t.clock.now());
    const first = await passwordStep("admin", account("admin").password);
    expect((await t.call("auth.verifySecondFactor", { code }, { cookie: first.cookie })).status).toBe(200);

    const second = await passwordStep("admin", account("admin").password);
    const replayed = await t.call("auth.verifySecondFactor", { code }, { cookie: second.cookie });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error?.data.domain).toMatchObject({
      field: "code",
      reason: "second_factor.invalid",
    });
    const earlier = totpCodeAt(adminSecret(), new Date(t.clock.now().getTime() - 30_000));
    expect(
      (await t.call("auth.verifySecondFactor", { code: earlier }, { cookie: second.cookie })).status,
    ).toBe(401);
    // The next window's code is a new one and works.
    t.clock.advanceSeconds(30);
    const next = totpCodeAt(adminSecret(), t.clock.now());
    expect((await t.call("auth.verifySecondFactor", { code: next }, { cookie: second.cookie })).status).toBe(
      200,
    );
  });

  it("expires the pending session after 10 minutes", async () => {
    const pending = await passwordStep("admin", account("admin").password);
    t.clock.advanceSeconds(10 * 60);
    const code = totpCodeAt(adminSecret(), t.clock.now());
    expect((await t.call("auth.verifySecondFactor", { code }, { cookie: pending.cookie })).status).toBe(401);
  });
});

describe("TOTP enrolment", () => {
  it("makes an administrator without TOTP enrol first, then requires the code at every sign-in", async () => {
    const password = "hiljainen lumi peittää pihan";
    const user = await makeUser(t, { password, grants: [{ role: "administrator", unitCode: null }] });
    const first = await passwordStep(user.username, password);
    expect(first.status).toBe("enrolment_required");
    const blocked = await t.query("users.find", {}, first.cookie);
    expect(blocked.body.error?.data.domain.reason).toBe("session.enrolment_required");

    const begun = dataOf<{ otpauthUri: string; manualKey: string }>(
      await t.call("auth.beginTotpEnrolment", undefined, { cookie: first.cookie }),
    );
    expect(begun.otpauthUri).toMatch(/^otpauth:\/\/totp\/Kuulo:/);
    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.totpSecretEncrypted).not.toContain(begun.manualKey);

    const key = decodeBase32(begun.manualKey);
    const bad = await t.call("auth.confirmTotpEnrolment", { code: "000000" }, { cookie: first.cookie });
    expect(bad.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "code" });
    const confirmed = await t.call(
      "auth.confirmTotpEnrolment",
      { code: totpCodeAt(key, t.clock.now()) },
      { cookie: first.cookie },
    );
    const { recoveryCodes } = dataOf<{ recoveryCodes: string[] }>(confirmed);
    expect(recoveryCodes).toHaveLength(10);
    const full = cookieFrom(confirmed.setCookie);
    expect((await t.query("users.find", {}, full)).status).toBe(200);
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(JSON.stringify(after)).not.toContain(recoveryCodes[0]);

    // Next sign-in: the second factor is required; a recovery code works exactly once.
    const second = await passwordStep(user.username, password);
    expect(second.status).toBe("second_factor_required");
    const viaRecovery = await t.call(
      "auth.verifySecondFactor",
      { code: recoveryCodes[0] },
      { cookie: second.cookie },
    );
    expect(viaRecovery.status).toBe(200);
    const third = await passwordStep(user.username, password);
    const reused = await t.call(
      "auth.verifySecondFactor",
      { code: recoveryCodes[0] },
      { cookie: third.cookie },
    );
    expect(reused.status).toBe(401);
    // And a second enrolment cannot silently replace the authenticator.
    const again = await t.call("auth.beginTotpEnrolment", undefined, { cookie: full });
    expect(again.status).toBe(409);
  });
});
