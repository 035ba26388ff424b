import { organisations } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONTROLLER } from "../src/seed/demo-accounts.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";

/** The public notice of a demo names the demo organisation the demo seeds, not a real company (a configured
 * controller wins over it: env.test.ts). */
describe("the controller a demo install publishes", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it("is the seeded demo organisation, in the notice of both languages", async () => {
    const [controller] = await app.db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, "controller"));
    expect(controller?.name).toBe(DEMO_CONTROLLER.name);
    for (const locale of ["fi", "en"] as const) {
      const notice = JSON.stringify(dataOf(await app.query("register.privacyNotice", { locale })));
      expect(notice).toContain(DEMO_CONTROLLER.name);
      expect(notice).not.toMatch(/Kespro|KESKO/);
    }
  });
});
