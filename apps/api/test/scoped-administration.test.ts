import { auditEvents } from "@kuulo/db/schema";
import { can, explainAccess, type UserActor } from "@kuulo/domain/access";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, organisationId, unitId, userId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";

/** IDOR: an administrator of one unit, every id pointing at another unit. Each denial beside an allowed case. */
let t: TestApp;
let scoped: string;
let hkiPerson: string;
let trePerson: string;
let globalPerson: string;
const PASSWORD = "ruskea karhu nukkuu talven";

beforeAll(async () => {
  t = await createTestApp();
  const admin = await makeUser(t, {
    password: PASSWORD,
    totp: true,
    grants: [{ role: "administrator", unitCode: "HKI-ASPA" }],
  });
  scoped = await t.signInAs(admin.username, PASSWORD, admin.totpKey);
  hkiPerson = (await makeUser(t, { grants: [{ role: "employee", unitCode: "HKI-ASPA" }] })).id;
  trePerson = (await makeUser(t, { grants: [{ role: "employee", unitCode: "TRE-ASPA" }] })).id;
  globalPerson = await userId(t, "tietosuoja");
});
afterAll(async () => {
  await t.close();
});

describe("a unit-scoped administrator", () => {
  it("reads people of their unit, not of another unit (audited)", async () => {
    expect((await t.query("users.get", { userId: hkiPerson }, scoped)).status).toBe(200);
    const denied = await t.query("users.get", { userId: trePerson }, scoped);
    expect(denied.status).toBe(403);
    expect(denied.body.error?.data.domain).toMatchObject({
      code: "FORBIDDEN",
      rule: "R10",
      reason: "scope.outside",
    });
    const rows = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "access.denied"), eq(auditEvents.targetId, trePerson)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.outcome).toBe("denied");
    expect((await t.query("users.get", { userId: globalPerson }, scoped)).status).toBe(403);
  });

  it("lists only people inside their unit", async () => {
    const page = dataOf<{ items: { id: string }[] }>(await t.query("users.find", { limit: 100 }, scoped));
    const ids = page.items.map((item) => item.id);
    expect(ids).toContain(hkiPerson);
    expect(ids).not.toContain(trePerson);
    expect(ids).not.toContain(globalPerson);
  });

  it("grants roles in their unit only", async () => {
    const hki = await unitId(t, "HKI-ASPA");
    const tre = await unitId(t, "TRE-ASPA");
    expect(
      (await t.call("grants.create", { userId: hkiPerson, role: "trainer", unitId: tre }, { cookie: scoped }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.call(
          "grants.create",
          { userId: hkiPerson, role: "trainer", unitId: null },
          { cookie: scoped },
        )
      ).status,
    ).toBe(403);
    expect(
      (await t.call("grants.create", { userId: hkiPerson, role: "trainer", unitId: hki }, { cookie: scoped }))
        .status,
    ).toBe(200);
  });

  it("creates accounts in their unit only", async () => {
    const base = {
      organisationId: await organisationId(t, "controller"),
      firstName: "Uusi",
      lastName: "Henkilö",
    };
    const tre = await t.call(
      "users.create",
      { ...base, username: "uusi.tre", grants: [{ role: "employee", unitId: await unitId(t, "TRE-ASPA") }] },
      { cookie: scoped },
    );
    expect(tre.status).toBe(403);
    const hki = await t.call(
      "users.create",
      { ...base, username: "uusi.hki", grants: [{ role: "employee", unitId: await unitId(t, "HKI-ASPA") }] },
      { cookie: scoped },
    );
    const created = dataOf<{ setPasswordToken: string; user: { username: string } }>(hki);
    expect(created.user.username).toBe("uusi.hki");
    expect(created.setPasswordToken).toMatch(/^[a-z2-7]{52}$/);
  });

  it("edits their unit but not another, and not organisations or machine tokens", async () => {
    expect(
      (await t.call("units.update", { unitId: await unitId(t, "TRE-ASPA"), name: "X" }, { cookie: scoped }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.call(
          "units.update",
          { unitId: await unitId(t, "HKI-ASPA"), name: "Helsinki, asiakaspalvelu" },
          { cookie: scoped },
        )
      ).status,
    ).toBe(200);
    const processor = await organisationId(t, "processor");
    expect(
      (await t.call("organisations.update", { organisationId: processor, name: "X Oy" }, { cookie: scoped }))
        .status,
    ).toBe(403);
    expect((await t.query("apiTokens.find", undefined, scoped)).status).toBe(403);
  });
});

describe("administering users never gives listening (R10)", () => {
  it("an all-units administrator cannot grant roles to themselves", async () => {
    const admin = await t.signIn("admin");
    const self = await userId(t, "admin");
    const response = await t.call(
      "grants.create",
      { userId: self, role: "trainer", unitId: await unitId(t, "HKI-ASPA") },
      { cookie: admin },
    );
    expect(response.status).toBe(403);
    expect(response.body.error?.data.domain).toMatchObject({ rule: "R10", reason: "grant.self" });
  });

  it("the domain policy gives the administrator no recording permission in any unit", async () => {
    const actor: UserActor = {
      kind: "user",
      userId: "u-admin",
      organisationId: "o",
      grants: [{ role: "administrator", unitId: null }],
      staffMemberId: null,
      disclosureIds: [],
    };
    expect(can(actor, "recording.listen", { unitId: "any" })).toBe(false);
    expect(can(actor, "recording.read", { unitId: "any" })).toBe(false);
    const recordingRights = explainAccess(actor).filter((entry) => entry.permission.startsWith("recording."));
    expect(recordingRights.every((entry) => !entry.allowed)).toBe(true);
    // The paired allowed case: a trainer listens within their unit.
    expect(
      can({ ...actor, grants: [{ role: "trainer", unitId: "u1" }] }, "recording.listen", { unitId: "u1" }),
    ).toBe(true);
  });
});
