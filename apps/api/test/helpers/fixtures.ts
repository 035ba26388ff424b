import { organisations, roleGrants, units, users } from "@kuulo/db/schema";
import type { Role } from "@kuulo/domain/access";
import { eq } from "drizzle-orm";
import { hashPassword } from "../../src/auth/password-hash.js";
import { sealSecret } from "../../src/auth/secret-box.js";
import { generateTotpKey, TOTP_SEAL_PURPOSE } from "../../src/auth/totp.js";
import { MASTER_KEY, type TestApp } from "./test-app.js";
import { TEST_PASSWORD_HASH } from "./test-config.js";

export async function unitId(t: TestApp, code: string): Promise<string> {
  const [unit] = await t.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

export async function organisationId(t: TestApp, kind: "controller" | "processor"): Promise<string> {
  const [org] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, kind));
  if (!org) throw new Error(`no ${kind}`);
  return org.id;
}

export async function userId(t: TestApp, username: string): Promise<string> {
  const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

let counter = 0;

/** Inserts a person directly (test set-up, not under test), optionally with a password and grants. */
export async function makeUser(
  t: TestApp,
  options: {
    grants?: { role: Role; unitCode: string | null }[];
    status?: "active" | "deactivated";
    password?: string;
    organisation?: "controller" | "processor";
    /** Enrol TOTP with a fresh key (returned), as if the person had completed enrolment. */
    totp?: boolean;
  } = {},
): Promise<{ id: string; username: string; grantIds: string[]; totpKey: Uint8Array | null }> {
  counter += 1;
  const username = `person${counter}.${Math.random().toString(36).slice(2, 8)}`;
  const status = options.status ?? "active";
  const totpKey = options.totp ? generateTotpKey() : null;
  const [user] = await t.db
    .insert(users)
    .values({
      organisationId: await organisationId(t, options.organisation ?? "controller"),
      username,
      firstName: "Testi",
      lastName: `Henkilö${counter}`,
      passwordHash: options.password ? await hashPassword(options.password, TEST_PASSWORD_HASH) : null,
      mustChangePassword: false,
      status,
      deactivatedAt: status === "deactivated" ? t.clock.now() : null,
      totpSecretEncrypted: totpKey ? sealSecret(MASTER_KEY, TOTP_SEAL_PURPOSE, totpKey) : null,
      totpEnabledAt: totpKey ? t.clock.now() : null,
    })
    .returning({ id: users.id });
  if (!user) throw new Error("insert failed");
  const grantIds: string[] = [];
  for (const grant of options.grants ?? []) {
    const [row] = await t.db
      .insert(roleGrants)
      .values({
        userId: user.id,
        role: grant.role,
        unitId: grant.unitCode ? await unitId(t, grant.unitCode) : null,
      })
      .returning({ id: roleGrants.id });
    if (row) grantIds.push(row.id);
  }
  return { id: user.id, username, grantIds, totpKey };
}
