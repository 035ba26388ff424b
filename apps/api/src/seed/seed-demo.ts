import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { organisations, roleGrants, staffMembers, units, users } from "@kuulo/db/schema";
import { checkPassword } from "@kuulo/domain/credentials";
import { decodeBase32 } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { hashPassword } from "../auth/password-hash.js";
import { sealSecret } from "../auth/secret-box.js";
import { TOTP_SEAL_PURPOSE } from "../auth/totp.js";
import type { Config } from "../env.js";
import {
  DEMO_ACCOUNTS,
  DEMO_CONTROLLER,
  DEMO_PROCESSOR,
  DEMO_UNITS,
  type DemoAccount,
} from "./demo-accounts.js";

const DAY_MS = 86_400_000;

/**
 * Demo mode, empty database only: the controller, one processor with an agreement, three units and
 * one account per role. Returns the accounts created, or null when the database already had data.
 */
export async function seedDemoIfEmpty(
  db: Database,
  config: Pick<Config, "mode" | "passwordHash">,
  masterKey: Uint8Array,
  now: Date = new Date(),
): Promise<readonly DemoAccount[] | null> {
  if (config.mode !== "demo") throw new Error("The demo data set is only seeded in demo mode");
  const existing = await db.select({ id: organisations.id }).from(organisations).limit(1);
  if (existing.length > 0) return null;

  const hashes = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const verdict = checkPassword(account.password, account);
    if (!verdict.ok)
      throw new Error(`demo password of ${account.username} breaks the policy: ${verdict.reason}`);
    hashes.set(account.username, await hashPassword(account.password, config.passwordHash));
  }

  await db.transaction(async (tx) => {
    const [controller] = await tx
      .insert(organisations)
      .values({ kind: "controller", ...DEMO_CONTROLLER })
      .returning({ id: organisations.id });
    const [processor] = await tx
      .insert(organisations)
      .values({
        kind: "processor",
        ...DEMO_PROCESSOR,
        agreementValidFrom: new Date(now.getTime() - 30 * DAY_MS),
        agreementValidUntil: new Date(now.getTime() + 365 * DAY_MS),
      })
      .returning({ id: organisations.id });
    if (!controller || !processor) throw new Error("seeding organisations failed");
    const unitRows = await tx
      .insert(units)
      .values(DEMO_UNITS.map((unit) => ({ ...unit, organisationId: controller.id })))
      .returning({ id: units.id, code: units.code });
    const unitId = (code: string | null) =>
      code ? (unitRows.find((u) => u.code === code)?.id ?? null) : null;

    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(users)
        .values({
          organisationId: account.organisation === "controller" ? controller.id : processor.id,
          username: account.username,
          firstName: account.firstName,
          lastName: account.lastName,
          passwordHash: hashes.get(account.username) ?? null,
          passwordSetAt: now,
          mustChangePassword: false,
          totpSecretEncrypted: account.totpSecret
            ? sealSecret(masterKey, TOTP_SEAL_PURPOSE, decodeBase32(account.totpSecret))
            : null,
          totpEnabledAt: account.totpSecret ? now : null,
        })
        .returning({ id: users.id });
      if (!user) throw new Error("seeding users failed");
      await tx
        .insert(roleGrants)
        .values({ userId: user.id, role: account.role, unitId: unitId(account.unitCode) });
      if (account.staff) {
        const [staff] = await tx
          .insert(staffMembers)
          .values({
            firstName: account.firstName,
            lastName: account.lastName,
            username: account.username,
            phoneNumber: account.staff.phoneNumber,
            unitId: unitId(account.staff.unitCode),
            userId: user.id,
          })
          .returning({ id: staffMembers.id });
        if (staff) await tx.update(users).set({ staffMemberId: staff.id }).where(eq(users.id, user.id));
      }
    }
    await appendAuditEvent(tx, {
      actorType: "system",
      actorLabel: "seed-demo",
      action: "system.seed_demo",
      outcome: "success",
      occurredAt: now,
      details: { accounts: DEMO_ACCOUNTS.length, units: DEMO_UNITS.length },
    });
  });
  return DEMO_ACCOUNTS;
}
