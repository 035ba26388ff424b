import { passwordSetupTokens } from "@kuulo/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, organisationId, unitId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn("admin");
});
afterAll(async () => {
  await t.close();
});

describe("account life cycle (R11: own credentials, no admin-chosen password)", () => {
  it("creates an account with a one-time link; the person sets their own password once", async () => {
    const created = dataOf<{
      user: { id: string; passwordSet: boolean };
      setPasswordToken: string;
      setPasswordExpiresAt: string;
    }>(
      await t.call(
        "users.create",
        {
          organisationId: await organisationId(t, "controller"),
          username: "Sanna.Heikkinen",
          firstName: "Sanna",
          lastName: "Heikkinen",
          grants: [{ role: "employee", unitId: await unitId(t, "TRE-ASPA") }],
        },
        { cookie: admin },
      ),
    );
    expect(created.user.passwordSet).toBe(false);
    expect(new Date(created.setPasswordExpiresAt).getTime() - t.clock.now().getTime()).toBe(24 * 3600_000);
    const stored = await t.db.select().from(passwordSetupTokens);
    expect(JSON.stringify(stored)).not.toContain(created.setPasswordToken);

    const weak = await t.call("auth.setPasswordWithToken", {
      token: created.setPasswordToken,
      newPassword: "sanna heikkinen 2026",
    });
    expect(weak.body.error?.data.domain).toMatchObject({ field: "newPassword", reason: "password.context" });
    const set = await t.call("auth.setPasswordWithToken", {
      token: created.setPasswordToken,
      newPassword: "aamu-usva nousee pellolta",
    });
    expect(dataOf(set)).toEqual({ username: "sanna.heikkinen" });
    const reused = await t.call("auth.setPasswordWithToken", {
      token: created.setPasswordToken,
      newPassword: "toinen yritys samalla linkillä",
    });
    expect(reused.status).toBe(404);
    expect(reused.body.error?.data.domain.reason).toBe("password_link.invalid");
    expect(
      (await t.call("auth.signIn", { username: "sanna.heikkinen", password: "aamu-usva nousee pellolta" }))
        .status,
    ).toBe(200);
  });

  it("expires the link after 24 hours", async () => {
    const user = await makeUser(t, { grants: [{ role: "employee", unitCode: "HKI-ASPA" }] });
    const reset = dataOf<{ setPasswordToken: string }>(
      await t.call("users.resetPassword", { userId: user.id }, { cookie: admin }),
    );
    const clock = t.clock.now();
    t.clock.advanceSeconds(24 * 3600);
    const late = await t.call("auth.setPasswordWithToken", {
      token: reset.setPasswordToken,
      newPassword: "myöhässä mutta pitkä lause",
    });
    expect(late.status).toBe(404);
    t.clock.set(clock);
  });

  it("resets a password: the old one stops working and every session ends", async () => {
    const password = "vanha salalause ennen nollausta";
    const user = await makeUser(t, { password, grants: [{ role: "employee", unitCode: "HKI-ASPA" }] });
    const session = await t.signInAs(user.username, password);
    const reset = dataOf<{ setPasswordToken: string; endedSessions: number }>(
      await t.call("users.resetPassword", { userId: user.id }, { cookie: admin }),
    );
    expect(reset.endedSessions).toBe(1);
    expect((await t.query("auth.me", undefined, session)).status).toBe(401);
    expect((await t.call("auth.signIn", { username: user.username, password })).status).toBe(401);
    await t.call("auth.setPasswordWithToken", {
      token: reset.setPasswordToken,
      newPassword: "uusi salalause nollauksen jälkeen",
    });
    expect(
      (
        await t.call("auth.signIn", {
          username: user.username,
          password: "uusi salalause nollauksen jälkeen",
        })
      ).status,
    ).toBe(200);
  });

  it("unlocks an account locked by the throttle", async () => {
    const password = "lukittu tili avataan taas";
    const user = await makeUser(t, { password, grants: [{ role: "employee", unitCode: "HKI-ASPA" }] });
    for (let i = 0; i < 5; i++) {
      await t.call(
        "auth.signIn",
        { username: user.username, password: "väärä salasana tähän" },
        { inject: { remoteAddress: "127.0.0.9" } },
      );
    }
    const view = dataOf<{ lockedUntil: string | null }>(
      await t.query("users.get", { userId: user.id }, admin),
    );
    expect(view.lockedUntil).not.toBeNull();
    expect((await t.call("auth.signIn", { username: user.username, password })).status).toBe(429);
    expect((await t.call("users.unlock", { userId: user.id }, { cookie: admin })).status).toBe(200);
    expect((await t.call("auth.signIn", { username: user.username, password })).status).toBe(200);
  });

  it("refuses to let an administrator deactivate themselves, and reactivates others", async () => {
    const me = dataOf<{ user: { id: string } }>(await t.query("auth.me", undefined, admin));
    expect((await t.call("users.deactivate", { userId: me.user.id }, { cookie: admin })).status).toBe(409);
    const user = await makeUser(t, { grants: [{ role: "employee", unitCode: "HKI-ASPA" }] });
    expect((await t.call("users.deactivate", { userId: user.id }, { cookie: admin })).status).toBe(200);
    expect((await t.call("users.reactivate", { userId: user.id }, { cookie: admin })).status).toBe(200);
    const view = dataOf<{ status: string }>(await t.query("users.get", { userId: user.id }, admin));
    expect(view.status).toBe("active");
  });
});

describe("users.find", () => {
  it("filters by role, unit and text and pages by username", async () => {
    const trainers = dataOf<{ items: { username: string }[] }>(
      await t.query("users.find", { role: "trainer" }, admin),
    );
    expect(trainers.items.map((item) => item.username)).toEqual(["kouluttaja"]);
    const text = dataOf<{ items: { username: string }[] }>(
      await t.query("users.find", { search: "korhon" }, admin),
    );
    expect(text.items.map((item) => item.username)).toEqual(["mikko.korhonen"]);
    const hki = dataOf<{ items: { username: string }[] }>(
      await t.query("users.find", { unitId: await unitId(t, "HKI-ASPA"), limit: 100 }, admin),
    );
    expect(hki.items.map((item) => item.username)).toContain("kouluttaja");
    expect(hki.items.map((item) => item.username)).not.toContain("admin");

    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = dataOf<{ items: { username: string }[]; nextCursor: string | null }>(
        await t.query("users.find", { limit: 2, ...(after ? { after } : {}) }, admin),
      );
      seen.push(...result.items.map((item) => item.username));
      if (!result.nextCursor) break;
      after = result.nextCursor;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain("admin");
    expect(seen).toContain("ulkoinen.kouluttaja");
  });

  it("explains a person's effective access with the same policy the API enforces", async () => {
    const user = await makeUser(t, { grants: [{ role: "trainer", unitCode: "HKI-ASPA" }] });
    const access = dataOf<{ permission: string; allowed: boolean; unitIds: string[] }[]>(
      await t.query("users.effectiveAccess", { userId: user.id }, admin),
    );
    const listen = access.find((entry) => entry.permission === "recording.listen");
    expect(listen).toMatchObject({ allowed: true, unitIds: [await unitId(t, "HKI-ASPA")] });
    expect(access.find((entry) => entry.permission === "user.create")?.allowed).toBe(false);
  });
});
