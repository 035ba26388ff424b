import { qualityEvaluations, qualityFormVersions, qualityMoments, staffMembers } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ACCOUNTS } from "../src/seed/demo-accounts.js";
import { printDemoLogins } from "../src/seed/print-demo-logins.js";
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

  it("has a demo quality reviewer in the demo unit, listed in the start banner", async () => {
    const reviewer = DEMO_ACCOUNTS.find((account) => account.role === "quality_reviewer");
    expect(reviewer).toMatchObject({ username: "laatuarvioija", unitCode: "HKI-ASPA" });
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    printDemoLogins(DEMO_ACCOUNTS);
    log.mockRestore();
    expect(lines.join("\n")).toContain(`quality_reviewer  laatuarvioija`);
    await enableQuality(t);
    const session = await t.signIn("laatuarvioija");
    const [mikko] = await t.db.select().from(staffMembers).where(eq(staffMembers.username, "mikko.korhonen"));
    const evaluations = dataOf<{ items: unknown[] }>(
      await t.query("quality.evaluations.list", { staffMemberId: mikko?.id }, session),
    );
    expect(evaluations.items).toHaveLength(3);
    const rules = dataOf<{ unitName: string }[]>(await t.query("quality.sampling.rules", undefined, session));
    expect(rules.map((rule) => rule.unitName)).toEqual(["Helsinki, asiakaspalvelu"]);
  });
});
