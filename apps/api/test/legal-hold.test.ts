import { recordings } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DisclosureTestApp, startDisclosureApp, storeRecording } from "./disclosures-harness.js";
import { dataOf } from "./helpers/test-app.js";

interface HoldView {
  id: string;
  recordingId: string;
  disclosureId: string | null;
  releasedAt: string | null;
}

describe("legal holds (R13)", () => {
  let app: DisclosureTestApp;
  let officer: string;
  beforeAll(async () => {
    app = await startDisclosureApp();
    officer = await app.t.signIn("tietosuoja");
  });
  afterAll(async () => {
    await app.close();
  });

  it("lists holds, keeps a case's hold until the case closes, and refuses personal data in the reason", async () => {
    const rec = await storeRecording(app);
    const statutory = dataOf<{ disclosure: { id: string } }>(
      await app.t.call(
        "disclosures.createStatutory",
        {
          authority: "Verohallinto",
          legalBasis: "Verotusmenettelylaki 19 §",
          caseReference: "VH-7",
          recordingIds: [rec.id],
        },
        { cookie: officer },
      ),
    );
    const manual = dataOf<{ holds: { id: string }[] }>(
      await app.t.call(
        "legalHolds.place",
        { recordingIds: [rec.id], reason: "Reklamaatio käsittelyssä" },
        { cookie: officer },
      ),
    );
    const listed = dataOf<{ items: HoldView[] }>(
      await app.t.query("legalHolds.find", { recordingId: rec.id }, officer),
    );
    expect(listed.items).toHaveLength(2);
    const caseHold = listed.items.find((hold) => hold.disclosureId === statutory.disclosure.id);

    const refused = await app.t.call(
      "legalHolds.release",
      { holdIds: [caseHold?.id], reason: "Valmis" },
      { cookie: officer },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error?.data.domain).toMatchObject({
      reason: "legal_hold.owned_by_disclosure",
      rule: "R13",
    });

    // Releasing the manual hold leaves the recording held by the open case.
    dataOf(
      await app.t.call(
        "legalHolds.release",
        { holdIds: [manual.holds[0]?.id], reason: "Valmis" },
        { cookie: officer },
      ),
    );
    const [still] = await app.t.db.select().from(recordings).where(eq(recordings.id, rec.id));
    expect(still).toMatchObject({ legalHold: true, purgeDueAt: null, retentionCategory: "legal_hold" });

    const again = await app.t.call(
      "legalHolds.release",
      { holdIds: [manual.holds[0]?.id], reason: "Valmis" },
      { cookie: officer },
    );
    expect(again.body.error?.data.domain).toMatchObject({ code: "NOT_FOUND", field: "holdIds.0" });

    const withEmail = await app.t.call(
      "legalHolds.place",
      { recordingIds: [rec.id], reason: "asiakas maija@example.fi valitti" },
      { cookie: officer },
    );
    expect(withEmail.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "reason" });

    const trainer = await app.t.signIn("kouluttaja");
    expect(
      (await app.t.call("legalHolds.place", { recordingIds: [rec.id], reason: "x" }, { cookie: trainer }))
        .status,
    ).toBe(403);
    const admin = await app.t.signIn("admin");
    expect(
      dataOf<{ items: HoldView[] }>(await app.t.query("legalHolds.find", {}, admin)).items.length,
    ).toBeGreaterThan(0);
    expect(
      (await app.t.call("legalHolds.release", { holdIds: [caseHold?.id], reason: "x" }, { cookie: admin }))
        .status,
    ).toBe(403);
  });
});
