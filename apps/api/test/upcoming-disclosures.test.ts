import { disclosureRecordings, disclosures } from "@kuulo/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DisclosureTestApp, startDisclosureApp, storeRecording } from "./disclosures-harness.js";
import { userId } from "./helpers/fixtures.js";
import { dataOf } from "./helpers/test-app.js";

const DAY = 86_400_000;

/** Before a training disclosure's window opens, its recipient learns when, and nothing of its content. */
describe("an external trainer's disclosure that has not opened yet", () => {
  let app: DisclosureTestApp;
  let opensAt: Date;
  let recordingId: string;
  beforeAll(async () => {
    app = await startDisclosureApp();
    recordingId = (await storeRecording(app)).id;
    opensAt = new Date(app.t.clock.now().getTime() + 3 * DAY);
    const [row] = await app.t.db
      .insert(disclosures)
      .values({
        kind: "training",
        status: "active",
        fields: { recipientOrganisation: "Koulutuspalvelu Oy" },
        recipientCountry: "FI",
        validFrom: opensAt,
        validUntil: new Date(opensAt.getTime() + 7 * DAY),
        externalUserId: await userId(app.t, "ulkoinen.kouluttaja"),
        approvedAt: app.t.clock.now(),
      })
      .returning({ id: disclosures.id });
    if (!row) throw new Error("insert failed");
    await app.t.db.insert(disclosureRecordings).values({ disclosureId: row.id, recordingId });
  });
  afterAll(async () => {
    await app.close();
  });

  it("says when it opens, without its recordings, and gives no listening right before then", async () => {
    const external = await app.t.signIn("ulkoinen.kouluttaja");
    const upcoming = dataOf<{ disclosures: { validFrom: string }[] }>(
      await app.t.query("training.upcomingDisclosures", undefined, external),
    );
    expect(upcoming.disclosures.map((item) => item.validFrom)).toEqual([opensAt.toISOString()]);
    expect(JSON.stringify(upcoming)).not.toContain(recordingId);
    expect((await app.t.query("training.disclosedRecordings", undefined, external)).status).toBe(403);
  });

  it("is nobody else's to see", async () => {
    const trainer = await app.t.signIn("kouluttaja");
    const theirs = dataOf<{ disclosures: unknown[] }>(
      await app.t.query("training.upcomingDisclosures", undefined, trainer),
    );
    expect(theirs.disclosures).toEqual([]);
  });

  it("leaves the list once the window is open", async () => {
    app.t.clock.set(new Date(opensAt.getTime() + 60_000));
    const external = await app.t.signIn("ulkoinen.kouluttaja");
    const upcoming = dataOf<{ disclosures: unknown[] }>(
      await app.t.query("training.upcomingDisclosures", undefined, external),
    );
    expect(upcoming.disclosures).toEqual([]);
    const open = dataOf<{ disclosures: { recordings: { id: string }[] }[] }>(
      await app.t.query("training.disclosedRecordings", undefined, external),
    );
    expect(open.disclosures.flatMap((set) => set.recordings.map((r) => r.id))).toContain(recordingId);
  });
});
