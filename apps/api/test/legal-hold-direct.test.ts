import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DisclosureTestApp, startDisclosureApp, storeRecording } from "./disclosures-harness.js";
import { dataOf } from "./helpers/test-app.js";
import { insertStaff } from "./training-fixtures.js";

interface HoldView {
  id: string;
  recordingId: string;
  recording: { callStartedAt: string; durationMs: number; staffName: string };
  reason: string;
  caseReference: string | null;
  disclosureId: string | null;
}

describe("a legal hold placed directly (R13)", () => {
  let app: DisclosureTestApp;
  let officer: string;
  beforeAll(async () => {
    app = await startDisclosureApp();
    officer = await app.t.signIn("tietosuoja");
  });
  afterAll(async () => {
    await app.close();
  });

  it("keeps the reason as written and the optional case reference, listed by staff name and call time", async () => {
    const callStartedAt = new Date(app.t.clock.now().getTime() - 3 * 86_400_000);
    const staffMemberId = await insertStaff(app.t, "HKI-ASPA", "Virtanen");
    const withCase = await storeRecording(app, { staffMemberId, callStartedAt });
    const withoutCase = await storeRecording(app, { staffMemberId });
    dataOf(
      await app.t.call(
        "legalHolds.place",
        { recordingIds: [withCase.id], reason: "Reklamaatio käsittelyssä", caseReference: "KO-2026/114" },
        { cookie: officer },
      ),
    );
    dataOf(
      await app.t.call(
        "legalHolds.place",
        { recordingIds: [withoutCase.id], reason: "Sisäinen selvitys" },
        { cookie: officer },
      ),
    );
    const listed = dataOf<{ items: HoldView[] }>(await app.t.query("legalHolds.find", {}, officer)).items;
    expect(listed.find((hold) => hold.recordingId === withCase.id)).toMatchObject({
      reason: "Reklamaatio käsittelyssä",
      caseReference: "KO-2026/114",
      disclosureId: null,
      recording: {
        staffName: "Saara Virtanen",
        callStartedAt: callStartedAt.toISOString(),
        durationMs: 42_000,
      },
    });
    expect(listed.find((hold) => hold.recordingId === withoutCase.id)).toMatchObject({
      reason: "Sisäinen selvitys",
      caseReference: null,
    });
  });

  it("guards the case reference like any free text and refuses recordings outside the caller's reach", async () => {
    const rec = await storeRecording(app);
    const withPhone = await app.t.call(
      "legalHolds.place",
      { recordingIds: [rec.id], reason: "Selvitys", caseReference: "soita 040 123 4567" },
      { cookie: officer },
    );
    expect(withPhone.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "caseReference" });
    const unknown = await app.t.call(
      "legalHolds.place",
      { recordingIds: ["00000000-0000-4000-8000-000000000000"], reason: "Selvitys" },
      { cookie: officer },
    );
    expect(unknown.status).toBe(404);
    const trainer = await app.t.signIn("kouluttaja");
    const refused = await app.t.call(
      "legalHolds.place",
      { recordingIds: [rec.id], reason: "Selvitys", caseReference: "KO-1" },
      { cookie: trainer },
    );
    expect(refused.status).toBe(403);
  });
});
