import { auditEvents, organisations, roleGrants, units, users } from "@kuulo/db/schema";
import { createTestDb, type TestDb } from "@kuulo/db/testing";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../src/seed/demo-accounts.js";
import { seedDemoIfEmpty } from "../src/seed/seed-demo.js";
import { MASTER_KEY } from "./helpers/test-app.js";
import { testConfig } from "./helpers/test-config.js";

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.close();
});

describe("demo seed", () => {
  it("seeds the controller, one processor with an agreement, three units and one person per role", async () => {
    const seeded = await seedDemoIfEmpty(db.db, testConfig(), MASTER_KEY);
    expect(seeded).toBe(DEMO_ACCOUNTS);
    const orgs = await db.db.select().from(organisations);
    expect(orgs.map((org) => org.kind).sort()).toEqual(["controller", "processor"]);
    expect(orgs.find((org) => org.kind === "processor")?.agreementReference).toBeTruthy();
    expect((await db.db.select().from(units)).map((unit) => unit.code).sort()).toEqual([
      "HKI-ASPA",
      "HKI-MYYNTI",
      "TRE-ASPA",
    ]);
    const roles = (await db.db.select({ role: roleGrants.role }).from(roleGrants))
      .map((row) => row.role)
      .sort();
    expect(roles).toEqual([
      "administrator",
      "employee",
      "external_trainer",
      "privacy_officer",
      "quality_reviewer",
      "trainer",
    ]);
    const [admin] = await db.db.select().from(users).where(eq(users.username, "admin"));
    expect(admin?.totpEnabledAt).not.toBeNull();
    expect(admin?.totpSecretEncrypted).not.toContain(DEMO_ACCOUNTS[0]?.totpSecret);
    expect(
      await db.db.select().from(auditEvents).where(eq(auditEvents.action, "system.seed_demo")),
    ).toHaveLength(1);
  });

  it("seeds only an empty database", async () => {
    await seedDemoIfEmpty(db.db, testConfig(), MASTER_KEY);
    expect(await seedDemoIfEmpty(db.db, testConfig(), MASTER_KEY)).toBeNull();
    expect(await db.db.select().from(users)).toHaveLength(DEMO_ACCOUNTS.length);
  });

  it("never seeds in production mode", async () => {
    const production = { ...testConfig(), mode: "production" as const };
    await expect(seedDemoIfEmpty(db.db, production, MASTER_KEY)).rejects.toThrow("only seeded in demo mode");
    expect(await db.db.select().from(users)).toEqual([]);
  });
});
