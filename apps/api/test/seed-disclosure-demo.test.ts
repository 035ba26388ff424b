import { auditEvents, disclosures } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDisclosureDemo } from "../src/seed/seed-disclosure-demo.js";
import { type DisclosureTestApp, startDisclosureApp, storeRecording } from "./disclosures-harness.js";
import { dataOf } from "./helpers/test-app.js";
import { staffMemberOf } from "./training-fixtures.js";

/** The demo's external trainer has something to see: a live training disclosure of Mikko's calls. */
describe("demo disclosure to the external trainer", () => {
  let app: DisclosureTestApp;
  const mikkosCalls: string[] = [];
  beforeAll(async () => {
    app = await startDisclosureApp();
    const staffMemberId = await staffMemberOf(app.t, "mikko.korhonen");
    for (let day = 1; day <= 4; day += 1) {
      const callStartedAt = new Date(app.t.clock.now().getTime() - day * 86_400_000);
      mikkosCalls.push((await storeRecording(app, { staffMemberId, callStartedAt })).id);
    }
  });
  afterAll(async () => {
    await app.close();
  });

  it("discloses three calls, four-eyes approved, and the external trainer can list and hear them", async () => {
    expect(await seedDisclosureDemo(app.t.db, app.t.clock.now())).toBe(3);
    const [row] = await app.t.db.select().from(disclosures);
    expect(row).toMatchObject({ kind: "training", status: "active", recipientCountry: "FI" });
    expect(row?.preparedBy).not.toBe(row?.approvedBy);
    expect(
      await app.t.db.select().from(auditEvents).where(eq(auditEvents.action, "disclosure.demo_seed")),
    ).toHaveLength(1);

    const external = await app.t.signIn("ulkoinen.kouluttaja");
    const sets = dataOf<{ disclosures: { recordings: { id: string }[] }[] }>(
      await app.t.query("training.disclosedRecordings", undefined, external),
    );
    const disclosed = sets.disclosures.flatMap((set) => set.recordings.map((recording) => recording.id));
    expect(disclosed).toHaveLength(3);
    for (const id of disclosed) expect(mikkosCalls).toContain(id);
    const audio = await app.t.app.inject({
      method: "GET",
      url: `/media/recordings/${disclosed[0]}/audio`,
      headers: { cookie: external, "sec-fetch-site": "same-origin" },
    });
    expect(audio.statusCode).toBe(200);
  });
});
