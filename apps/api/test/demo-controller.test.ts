import { organisations } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONTROLLER } from "../src/seed/demo-accounts.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";

/** The public notice of a demo names the demo organisation the demo seeds, not a real company. */
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

describe("the controller an install is configured with", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ env: { KUULO_CONTROLLER_NAME: "Esimerkki Oyj" } });
  });
  afterAll(async () => {
    await app.close();
  });

  it("is named in the notice instead of the demo organisation", async () => {
    const notice = JSON.stringify(dataOf(await app.query("register.privacyNotice", { locale: "fi" })));
    expect(notice).toContain("Esimerkki Oyj");
    expect(notice).not.toContain(DEMO_CONTROLLER.name);
  });
});
