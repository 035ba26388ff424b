import { auditEvents, users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { userId } from "../helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "../helpers/test-app.js";
import { insertActiveDisclosure, insertRecording, staffMemberOf } from "../training-fixtures.js";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

interface MeUser {
  locale: string | null;
  staffMemberId: string | null;
}

describe("auth.setLocale", () => {
  it("remembers the language on the account; auth.me returns it in every later session", async () => {
    const cookie = await t.signIn("kouluttaja");
    expect(dataOf<{ user: MeUser }>(await t.query("auth.me", undefined, cookie)).user.locale).toBeNull();

    const saved = await t.call("auth.setLocale", { locale: "en" }, { cookie });
    expect(saved.status).toBe(200);
    expect(dataOf(saved)).toEqual({ locale: "en" });

    const later = await t.signIn("kouluttaja");
    expect(dataOf<{ user: MeUser }>(await t.query("auth.me", undefined, later)).user.locale).toBe("en");
    const [row] = await t.db
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.username, "kouluttaja"));
    expect(row?.locale).toBe("en");
    const events = await t.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.locale_change"));
    expect(events).toEqual([{ action: "auth.locale_change", details: { locale: "en" } }]);
  });

  it("refuses a language the interface does not have, naming the field", async () => {
    const cookie = await t.signIn("kouluttaja");
    const refused = await t.call("auth.setLocale", { locale: "sv" }, { cookie });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.data.domain.field).toBe("locale");
    const [row] = await t.db
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.username, "kouluttaja"));
    expect(row?.locale).toBeNull();
  });

  it("refuses an anonymous caller", async () => {
    expect((await t.call("auth.setLocale", { locale: "fi" })).status).toBe(401);
  });
});

describe("auth.me relation facts (the SPAs' can() answers as the API's)", () => {
  it("returns the employee's staff member and no disclosures", async () => {
    const cookie = await t.signIn("mikko.korhonen");
    const me = dataOf<{ user: MeUser; disclosureIds: string[] }>(await t.query("auth.me", undefined, cookie));
    expect(me.user.staffMemberId).toBe(await staffMemberOf(t, "mikko.korhonen"));
    expect(me.disclosureIds).toEqual([]);
  });

  it("returns the external trainer's active disclosures, not the expired one", async () => {
    const staff = await staffMemberOf(t, "mikko.korhonen");
    const recordingId = await insertRecording(t, { unitCode: "HKI-ASPA", staffMemberId: staff });
    const externalUserId = await userId(t, "ulkoinen.kouluttaja");
    const active = await insertActiveDisclosure(t, { externalUserId, recordingIds: [recordingId], days: 7 });
    await insertActiveDisclosure(t, { externalUserId, recordingIds: [recordingId], days: 1 });
    t.clock.advanceSeconds(2 * 86_400);
    const cookie = await t.signIn("ulkoinen.kouluttaja");
    const me = dataOf<{ user: MeUser; disclosureIds: string[] }>(await t.query("auth.me", undefined, cookie));
    expect(me.user.staffMemberId).toBeNull();
    expect(me.disclosureIds).toEqual([active]);
  });
});
