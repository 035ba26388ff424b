import { qualityEvaluations, qualityFormVersions, qualityMoments } from "@kuulo/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedQualityDemo } from "../src/seed/seed-quality-demo.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";
import { enableQuality, mikkosRecording } from "./quality-fixtures.js";

describe("demo quality data", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 3; i++) await mikkosRecording(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it("seeds one published form and evaluations with moments, dormant while quality review is off", async () => {
    expect(await seedQualityDemo(t.db, t.clock.now())).toBe(3);
    const versions = await t.db.select().from(qualityFormVersions);
    expect(versions.map((v) => v.status)).toEqual(["published"]);
    expect(await t.db.select().from(qualityEvaluations)).toHaveLength(3);
    expect(await t.db.select().from(qualityMoments)).toHaveLength(6);
    const mikko = await t.signIn("mikko.korhonen");
    const off = await t.query("quality.evaluations.list", {}, mikko);
    expect(off.body.error?.data.domain).toMatchObject({ code: "FORBIDDEN", reason: "quality.disabled" });
    await enableQuality(t);
    const on = dataOf<{ items: { score: number | null }[] }>(
      await t.query("quality.evaluations.list", {}, mikko),
    );
    expect(on.items).toHaveLength(3);
  });
});
