import { organisations, sessions, users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { organisationId } from "../helpers/fixtures.js";
import { account, cookieFrom, createTestApp, dataOf, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const me = (cookie: string) => t.query("auth.me", undefined, cookie);

describe("session expiry (R11), one second either side", () => {
  // The trainer's limits: idle 30 min, absolute 10 h (domain SESSION_POLICY).
  it("refuses a session idle for 30 minutes, accepts one idle 1 s less", async () => {
    const cookie = await t.signIn("kouluttaja");
    t.clock.advanceSeconds(30 * 60 - 1);
    expect((await me(cookie)).status).toBe(200);
    const second = await t.signIn("kouluttaja");
    t.clock.advanceSeconds(30 * 60);
    const refused = await me(second);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.data.domain.code).toBe("UNAUTHENTICATED");
    expect(refused.setCookie).toMatch(/^kuulo_session=; .*Max-Age=0/);
  });

  it("slides the idle window with activity but ends at the absolute lifetime", async () => {
    const cookie = await t.signIn("kouluttaja");
    const start = t.clock.now().getTime();
    // Active every 20 minutes: never idle, but the 10 h cap still applies.
    while (t.clock.now().getTime() + 20 * 60_000 < start + 10 * 3600_000) {
      t.clock.advanceSeconds(20 * 60);
      expect((await me(cookie)).status).toBe(200);
    }
    t.clock.set(new Date(start + 10 * 3600_000 - 1000));
    expect((await me(cookie)).status).toBe(200);
    t.clock.set(new Date(start + 10 * 3600_000));
    expect((await me(cookie)).status).toBe(401);
  });

  it("gives administrators a 15-minute idle timeout", async () => {
    const cookie = await t.signIn("admin");
    t.clock.advanceSeconds(15 * 60 - 1);
    expect((await me(cookie)).status).toBe(200);
    t.clock.advanceSeconds(15 * 60);
    expect((await me(cookie)).status).toBe(401);
  });
});

describe("revocation", () => {
  it("refuses a session after sign-out (deleted server-side)", async () => {
    const cookie = await t.signIn("kouluttaja");
    expect((await t.call("auth.signOut", undefined, { cookie })).status).toBe(200);
    expect(await t.db.select().from(sessions)).toEqual([]);
    expect((await me(cookie)).status).toBe(401);
  });

  it("ends one of one's own sessions, but not another person's (not found)", async () => {
    const mine = await t.signIn("kouluttaja");
    const other = await t.signIn("kouluttaja");
    const list = dataOf<{ id: string; current: boolean }[]>(
      await t.query("auth.listSessions", undefined, mine),
    );
    expect(list).toHaveLength(2);
    const otherId = list.find((session) => !session.current)?.id;
    const someoneElse = await t.signIn("mikko.korhonen");
    const theirs = dataOf<{ id: string }[]>(await t.query("auth.listSessions", undefined, someoneElse))[0]
      ?.id;
    expect((await t.call("auth.endSession", { sessionId: theirs }, { cookie: mine })).status).toBe(404);
    expect((await me(someoneElse)).status).toBe(200);
    expect((await t.call("auth.endSession", { sessionId: otherId }, { cookie: mine })).status).toBe(200);
    expect((await me(other)).status).toBe(401);
    expect((await me(mine)).status).toBe(200);
  });

  it("ends every session when an administrator deactivates the person", async () => {
    const victim = await t.signIn("mikko.korhonen");
    const admin = await t.signIn("admin");
    const [user] = await t.db.select().from(users).where(eq(users.username, "mikko.korhonen"));
    const response = await t.call("users.deactivate", { userId: user?.id }, { cookie: admin });
    expect(dataOf<{ endedSessions: number }>(response).endedSessions).toBe(1);
    expect((await me(victim)).status).toBe(401);
    const again = await t.call("auth.signIn", {
      username: "mikko.korhonen",
      password: account("mikko.korhonen").password,
    });
    expect(again.status).toBe(401);
  });
});

describe("password change (R11)", () => {
  it("ends the user's other sessions and rotates the current one", async () => {
    const other = await t.signIn("kouluttaja");
    const current = await t.signIn("kouluttaja");
    const response = await t.call(
      "auth.changePassword",
      { currentPassword: account("kouluttaja").password, newPassword: "kolme karhua kävelee metsässä" },
      { cookie: current },
    );
    expect(dataOf<{ endedSessions: number }>(response).endedSessions).toBe(1);
    const rotated = cookieFrom(response.setCookie);
    expect(rotated).not.toBe(current);
    expect((await me(other)).status).toBe(401);
    expect((await me(current)).status).toBe(401);
    expect((await me(rotated)).status).toBe(200);
    const old = await t.call("auth.signIn", {
      username: "kouluttaja",
      password: account("kouluttaja").password,
    });
    expect(old.status).toBe(401);
    expect(
      (await t.call("auth.signIn", { username: "kouluttaja", password: "kolme karhua kävelee metsässä" }))
        .status,
    ).toBe(200);
  });

  it("refuses a weak new password naming the field and the reason", async () => {
    const cookie = await t.signIn("kouluttaja");
    const short = await t.call(
      "auth.changePassword",
      { currentPassword: account("kouluttaja").password, newPassword: "lyhyt" },
      { cookie },
    );
    expect(short.status).toBe(400);
    expect(short.body.error?.data.domain).toMatchObject({
      code: "VALIDATION",
      field: "newPassword",
      rule: "R11",
      reason: "password.too_short",
    });
    const common = await t.call(
      "auth.changePassword",
      { currentPassword: account("kouluttaja").password, newPassword: "kouluttaja kouluttaja" },
      { cookie },
    );
    expect(common.body.error?.data.domain.reason).toBe("password.context");
  });
});

describe("designated users only (R9)", () => {
  const expireAgreement = async () => {
    const processor = await organisationId(t, "processor");
    await t.db
      .update(organisations)
      .set({ agreementValidUntil: new Date(t.clock.now().getTime() - 1000) })
      .where(eq(organisations.id, processor));
  };

  it("refuses sign-in when the processor's agreement has ended", async () => {
    expect(
      (
        await t.call("auth.signIn", {
          username: "ulkoinen.kouluttaja",
          password: account("ulkoinen.kouluttaja").password,
        })
      ).status,
    ).toBe(200);
    await expireAgreement();
    const refused = await t.call("auth.signIn", {
      username: "ulkoinen.kouluttaja",
      password: account("ulkoinen.kouluttaja").password,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.data.domain).toMatchObject({
      code: "FORBIDDEN",
      rule: "R9",
      reason: "agreement.not_valid",
    });
  });

  it("refuses an existing session on its next request once the agreement has ended", async () => {
    const cookie = await t.signIn("ulkoinen.kouluttaja");
    expect((await me(cookie)).status).toBe(200);
    await expireAgreement();
    expect((await me(cookie)).status).toBe(401);
  });

  it("refuses sign-in before the agreement starts", async () => {
    const processor = await organisationId(t, "processor");
    await t.db
      .update(organisations)
      .set({ agreementValidFrom: new Date(t.clock.now().getTime() + 1000), agreementValidUntil: null })
      .where(eq(organisations.id, processor));
    const refused = await t.call("auth.signIn", {
      username: "ulkoinen.kouluttaja",
      password: account("ulkoinen.kouluttaja").password,
    });
    expect(refused.body.error?.data.domain.rule).toBe("R9");
  });
});
