import { organisations, roleGrants, sessions, units } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeUser, organisationId, userId } from "../helpers/fixtures.js";
import { createAnotherInstance, createTestApp, dataOf, type TestApp } from "../helpers/test-app.js";
import {
  insertActiveDisclosure,
  insertRecording,
  OTHER_PASSWORD,
  staffMemberOf,
} from "../training-fixtures.js";

// Two API instances on one database, each with its own session cache: whatever ends or narrows a session
// on one instance must bite on the very next request on the other (and on itself).
let a: TestApp;
let b: TestApp;
beforeEach(async () => {
  a = await createTestApp();
  b = await createAnotherInstance(a);
});
afterEach(async () => {
  await b.close();
  await a.close();
});

interface Me {
  grants: { id: string; role: string; unitCode: string | null; unitName: string | null }[];
  disclosureIds: string[];
}
const me = (app: TestApp, cookie: string) => app.query("auth.me", undefined, cookie);
const meOf = async (app: TestApp, cookie: string) => dataOf<Me>(await me(app, cookie));

/** Both instances have the session cached (a second request on each is served from the cache). */
async function warm(cookie: string) {
  for (const app of [a, b, a, b]) expect((await me(app, cookie)).status).toBe(200);
}

describe("session cache across instances", () => {
  it("drops a cached session on every instance once its row is gone, even removed by hand", async () => {
    const cookie = await a.signIn("kouluttaja");
    await warm(cookie);
    // Removing the row by hand bumps the epoch like every other change; the cache never outlives it.
    await a.db.delete(sessions);
    expect((await me(b, cookie)).status).toBe(401);
  });

  it("ending a session on one instance refuses it on the other at once", async () => {
    const cookie = await a.signIn("kouluttaja");
    const other = await a.signIn("admin");
    await warm(cookie);
    await warm(other);
    expect((await a.call("auth.signOut", undefined, { cookie })).status).toBe(200);
    expect((await me(b, cookie)).status).toBe(401);
    expect((await me(a, cookie)).status).toBe(401);
    expect((await me(b, other)).status).toBe(200);
  });

  it("deactivating a user on one instance refuses their session on the other at once", async () => {
    const victim = await a.signIn("mikko.korhonen");
    const admin = await a.signIn("admin");
    await warm(victim);
    const response = await a.call(
      "users.deactivate",
      { userId: await userId(a, "mikko.korhonen") },
      { cookie: admin },
    );
    expect(response.status).toBe(200);
    expect((await me(b, victim)).status).toBe(401);
    expect((await me(a, victim)).status).toBe(401);
  });

  it("changing a grant on one instance reaches the session on the other at once", async () => {
    const person = await makeUser(a, {
      password: OTHER_PASSWORD,
      grants: [
        { role: "employee", unitCode: "HKI-ASPA" },
        { role: "trainer", unitCode: "HKI-ASPA" },
      ],
    });
    const cookie = await a.signInAs(person.username, OTHER_PASSWORD);
    await warm(cookie);
    expect((await meOf(b, cookie)).grants).toHaveLength(2);
    // A grant changed without ending the session (e.g. by an operator in SQL) still reaches both caches.
    await a.db
      .update(roleGrants)
      .set({ revokedAt: a.clock.now() })
      .where(eq(roleGrants.id, person.grantIds[1] ?? ""));
    expect((await meOf(b, cookie)).grants.map((grant) => grant.role)).toEqual(["employee"]);
    expect((await meOf(a, cookie)).grants.map((grant) => grant.role)).toEqual(["employee"]);
    // Through the API a role change also ends the person's sessions: refused on the other instance at once.
    const admin = await a.signIn("admin");
    const revoked = await a.call("grants.revoke", { grantId: person.grantIds[0] }, { cookie: admin });
    expect(revoked.status).toBe(200);
    expect((await me(b, cookie)).status).toBe(401);
  });

  it("renaming a unit on one instance shows the new name in the session on the other at once", async () => {
    const cookie = await a.signIn("kouluttaja");
    await warm(cookie);
    const [unit] = await a.db.select().from(units).where(eq(units.code, "HKI-ASPA"));
    expect((await meOf(b, cookie)).grants.map((grant) => grant.unitName)).toContain(unit?.name);
    await a.db
      .update(units)
      .set({ code: "HKI-ASPA-2", name: "Asiakaspalvelu, Pasila" })
      .where(eq(units.id, unit?.id ?? ""));
    for (const app of [b, a]) {
      const grants = (await meOf(app, cookie)).grants.filter((grant) => grant.unitCode !== null);
      expect(grants.map((grant) => [grant.unitCode, grant.unitName])).toEqual([
        ["HKI-ASPA-2", "Asiakaspalvelu, Pasila"],
      ]);
    }
  });

  it("revoking a training disclosure on one instance withdraws it on the other at once", async () => {
    const recordingId = await insertRecording(a, {
      unitCode: "HKI-ASPA",
      staffMemberId: await staffMemberOf(a, "mikko.korhonen"),
    });
    const disclosureId = await insertActiveDisclosure(a, {
      externalUserId: await userId(a, "ulkoinen.kouluttaja"),
      recordingIds: [recordingId],
    });
    const cookie = await a.signIn("ulkoinen.kouluttaja");
    await warm(cookie);
    expect((await meOf(b, cookie)).disclosureIds).toEqual([disclosureId]);
    const officer = await a.signIn("tietosuoja");
    const revoked = await a.call(
      "disclosures.revoke",
      { disclosureId, reason: "Peruttu" },
      { cookie: officer },
    );
    expect(revoked.status).toBe(200);
    // Revoking the only disclosure also ends the external trainer's sessions; either way nothing is left.
    const after = await me(b, cookie);
    if (after.status === 200) expect(dataOf<Me>(after).disclosureIds).toEqual([]);
    else expect(after.status).toBe(401);
    expect((await me(a, cookie)).status).toBe(after.status);
  });

  it("an expiring processor agreement refuses cached sessions on every instance from the next second", async () => {
    const processor = await organisationId(a, "processor");
    const endsAt = new Date(a.clock.now().getTime() + 10_000);
    await a.db
      .update(organisations)
      .set({ agreementValidUntil: endsAt })
      .where(eq(organisations.id, processor));
    const external = await a.signIn("ulkoinen.kouluttaja");
    const staff = await a.signIn("kouluttaja");
    await warm(external);
    await warm(staff);
    // Nothing changes in the database: only the clock moves past the agreement's end.
    a.clock.set(endsAt);
    expect((await me(b, external)).status).toBe(200);
    a.clock.set(new Date(endsAt.getTime() + 1000));
    expect((await me(b, external)).status).toBe(401);
    expect((await me(a, external)).status).toBe(401);
    // The controller's own staff are not affected.
    expect((await me(b, staff)).status).toBe(200);
    expect((await me(a, staff)).status).toBe(200);
  });

  it("a window slid on one instance keeps the session alive on the other", async () => {
    const cookie = await a.signIn("kouluttaja");
    await warm(cookie);
    // Instance a sees activity every 20 minutes; b's cached copy still has the sign-in time.
    a.clock.advanceSeconds(20 * 60);
    expect((await me(a, cookie)).status).toBe(200);
    a.clock.advanceSeconds(20 * 60);
    expect((await me(b, cookie)).status).toBe(200);
  });
});
