import { auditEvents, listeningRequests, roleGrants } from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisationId, unitId, userId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";

/**
 * R10, "managing users does not by itself let anyone listen": a listening right needs a second
 * person, and the person who asked never holds the credentials of the listener they asked for.
 */

interface CreatedUser {
  user: {
    id: string;
    grants: { role: string }[];
    awaitingApproval: { role: string | null; unitCode: string | null }[];
  };
  setPasswordToken: string | null;
  awaitingApproval: number;
}
interface RequestView {
  id: string;
  kind: "grant" | "password_link";
  role: string | null;
  unit: { code: string; name: string } | null;
  user: { id: string; username: string; firstName: string; lastName: string; organisationName: string };
  requestedBy: { username: string; firstName: string; lastName: string } | null;
}
interface Approved {
  grantId: string | null;
  setPasswordToken: string | null;
}

const PUPPET_PASSWORD = "punainen lyhty palaa ikkunassa";
const REAL_PASSWORD = "kouluttajan oma salalause kevät";

describe("listening rights need a second person (four-eyes on, the default)", () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { KUULO_FOUR_EYES_LISTENING_GRANTS: "1" } });
    admin = await t.signIn("admin");
    officer = await t.signIn("tietosuoja");
  });
  afterAll(async () => {
    await t.close();
  });

  const createUser = async (username: string, grants: { role: string; unitId: string | null }[]) =>
    dataOf<CreatedUser>(
      await t.call(
        "users.create",
        {
          organisationId: await organisationId(t, "controller"),
          username,
          firstName: "Nukke",
          lastName: "Käyttäjä",
          grants,
        },
        { cookie: admin },
      ),
    );
  const pending = async () => dataOf<RequestView[]>(await t.query("grants.findRequests", undefined, officer));
  const canBrowse = async (cookie: string) => (await t.query("recordings.find", {}, cookie)).status;

  it("the sock puppet: an administrator creates a trainer but gets no link, cannot approve, cannot sign in", async () => {
    const hki = await unitId(t, "HKI-ASPA");
    const created = await createUser("nukke.yksi", [{ role: "trainer", unitId: hki }]);
    expect(created.setPasswordToken).toBeNull();
    expect(created.awaitingApproval).toBe(1);
    expect(created.user.grants).toEqual([]);
    expect(created.user.awaitingApproval).toMatchObject([{ role: "trainer", unitCode: "HKI-ASPA" }]);

    // Nor can the administrator fetch a link another way, or approve.
    const reset = dataOf<{ setPasswordToken: string | null; awaitingApproval: boolean }>(
      await t.call("users.resetPassword", { userId: created.user.id }, { cookie: admin }),
    );
    expect(reset).toMatchObject({ setPasswordToken: null, awaitingApproval: true });
    const [request] = (await pending()).filter((r) => r.user.id === created.user.id && r.kind === "grant");
    if (!request) throw new Error("no pending request");
    const byAdmin = await t.call("grants.approveRequest", { requestId: request.id }, { cookie: admin });
    expect(byAdmin.status).toBe(403);
    expect((await t.call("auth.signIn", { username: "nukke.yksi", password: PUPPET_PASSWORD })).status).toBe(
      401,
    );

    // The approver sees who asked, for whom, which right and which unit, by name.
    expect(request).toMatchObject({
      role: "trainer",
      unit: { code: "HKI-ASPA" },
      user: { username: "nukke.yksi", firstName: "Nukke", lastName: "Käyttäjä" },
      requestedBy: { username: "admin" },
    });
    const approved = dataOf<Approved>(
      await t.call("grants.approveRequest", { requestId: request.id }, { cookie: officer }),
    );
    expect(approved.grantId).not.toBeNull();
    // The link is the approver's to hand over; it works once, for the person.
    expect(approved.setPasswordToken).toMatch(/^[a-z2-7]{52}$/);
    expect(
      (
        await t.call("auth.setPasswordWithToken", {
          token: approved.setPasswordToken,
          newPassword: REAL_PASSWORD,
        })
      ).status,
    ).toBe(200);
    const trainer = await t.signInAs("nukke.yksi", REAL_PASSWORD);
    expect(await canBrowse(trainer)).toBe(200);
  });

  it("the sock puppet with a password the administrator already knows: approval re-keys the account", async () => {
    const created = await createUser("nukke.kaksi", []);
    // No listening role: the administrator gets the link, as before, and sets the password.
    expect(created.setPasswordToken).not.toBeNull();
    await t.call("auth.setPasswordWithToken", {
      token: created.setPasswordToken,
      newPassword: PUPPET_PASSWORD,
    });
    const asked = dataOf<{ status: string; requestId: string }>(
      await t.call(
        "grants.create",
        { userId: created.user.id, role: "trainer", unitId: await unitId(t, "HKI-ASPA") },
        { cookie: admin },
      ),
    );
    expect(asked.status).toBe("awaiting_approval");
    const puppet = await t.signInAs("nukke.kaksi", PUPPET_PASSWORD);
    expect(await canBrowse(puppet)).toBe(403);

    const approved = dataOf<Approved>(
      await t.call("grants.approveRequest", { requestId: asked.requestId }, { cookie: officer }),
    );
    expect(approved.setPasswordToken).not.toBeNull();
    // The password the administrator chose is gone and the puppet's session ended with it.
    expect(await canBrowse(puppet)).toBe(401);
    expect((await t.call("auth.signIn", { username: "nukke.kaksi", password: PUPPET_PASSWORD })).status).toBe(
      401,
    );
    const [grant] = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, created.user.id));
    expect(grant).toMatchObject({ role: "trainer", grantedBy: await userId(t, "admin") });
  });

  it("resetting a listener's password sends the link to the approver, not the administrator", async () => {
    const kouluttaja = await userId(t, "kouluttaja");
    const reset = dataOf<{ setPasswordToken: string | null }>(
      await t.call("users.resetPassword", { userId: kouluttaja }, { cookie: admin }),
    );
    expect(reset.setPasswordToken).toBeNull();
    const [request] = (await pending()).filter((r) => r.user.id === kouluttaja);
    expect(request).toMatchObject({ kind: "password_link", role: null, requestedBy: { username: "admin" } });
    const approved = dataOf<Approved>(
      await t.call("grants.approveRequest", { requestId: request?.id }, { cookie: officer }),
    );
    expect(approved).toMatchObject({
      grantId: null,
      setPasswordToken: expect.stringMatching(/^[a-z2-7]{52}$/),
    });
  });

  it("refuses: nothing granted, no link, audited; a decided request cannot be decided again", async () => {
    const created = await createUser("hylatty.pyynto", [
      { role: "employee", unitId: await unitId(t, "TRE-ASPA") },
    ]);
    const [request] = (await pending()).filter((r) => r.user.id === created.user.id);
    if (!request) throw new Error("no pending request");
    expect(
      dataOf(await t.call("grants.refuseRequest", { requestId: request.id }, { cookie: officer })),
    ).toEqual({
      refused: true,
    });
    expect(await t.db.select().from(roleGrants).where(eq(roleGrants.userId, created.user.id))).toEqual([]);
    expect((await pending()).some((r) => r.id === request.id)).toBe(false);
    const again = await t.call("grants.approveRequest", { requestId: request.id }, { cookie: officer });
    expect(again.status).toBe(409);
    expect(again.body.error?.data.domain.reason).toBe("approval.decided");
    const actions = (
      await t.db
        .select({ action: auditEvents.action, actorId: auditEvents.actorId })
        .from(auditEvents)
        .where(eq(auditEvents.targetId, created.user.id))
    ).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["user.create", "grant.request", "grant.refuse"]));
  });

  it("the person who asked can never decide, even when they hold the approver's role", async () => {
    const created = await createUser("oma.pyynto", []);
    const [own] = await t.db
      .insert(listeningRequests)
      .values({
        kind: "grant",
        userId: created.user.id,
        role: "trainer",
        unitId: await unitId(t, "HKI-ASPA"),
        requestedBy: await userId(t, "tietosuoja"),
        requestedAt: t.clock.now(),
      })
      .returning({ id: listeningRequests.id });
    for (const verb of ["grants.approveRequest", "grants.refuseRequest"]) {
      const response = await t.call(verb, { requestId: own?.id }, { cookie: officer });
      expect(response.status).toBe(403);
      expect(response.body.error?.data.domain).toMatchObject({ rule: "R10", reason: "approval.own_request" });
    }
    const denied = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "access.denied"), eq(auditEvents.targetId, own?.id ?? "")));
    expect(denied).toHaveLength(2);
  });

  it("audits the request and the approval with who asked and who decided", async () => {
    const approvals = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "grant.approve"));
    expect(approvals.length).toBeGreaterThanOrEqual(2);
    expect(approvals[0]).toMatchObject({
      actorId: await userId(t, "tietosuoja"),
      details: expect.objectContaining({ role: "trainer", requestedBy: await userId(t, "admin") }),
    });
  });

  it("an administrator role needs no approval: it does not let anyone listen", async () => {
    const created = await createUser("uusi.yllapitaja", [{ role: "administrator", unitId: null }]);
    expect(created.setPasswordToken).not.toBeNull();
    expect(created.awaitingApproval).toBe(0);
  });
});

describe("listening rights with four-eyes off (KUULO_FOUR_EYES_LISTENING_GRANTS=0)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { KUULO_FOUR_EYES_LISTENING_GRANTS: "0" } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("grants at once and returns the link to the administrator", async () => {
    const admin = await t.signIn("admin");
    const created = dataOf<CreatedUser>(
      await t.call(
        "users.create",
        {
          organisationId: await organisationId(t, "controller"),
          username: "suora.kouluttaja",
          firstName: "Suora",
          lastName: "Kouluttaja",
          grants: [{ role: "trainer", unitId: await unitId(t, "HKI-ASPA") }],
        },
        { cookie: admin },
      ),
    );
    expect(created.setPasswordToken).not.toBeNull();
    expect(created.user.grants).toMatchObject([{ role: "trainer" }]);
    const granted = dataOf<{ status: string }>(
      await t.call(
        "grants.create",
        { userId: created.user.id, role: "trainer", unitId: await unitId(t, "TRE-ASPA") },
        { cookie: admin },
      ),
    );
    expect(granted.status).toBe("granted");
  });
});
