import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { organisations, roleGrants, users } from "@kuulo/db/schema";
import { isDomainError } from "@kuulo/domain/errors";
import { DEFAULT_REGISTER_CONFIG } from "@kuulo/domain/register";
import { eq } from "drizzle-orm";
import type { Config } from "../env.js";
import { hashNewPassword } from "../services/shared/new-password.js";

export interface CreateAdminOptions {
  username: string;
  firstName: string;
  lastName: string;
  password: string;
  /** Needed only when the database has no controller organisation yet (first set-up). */
  controllerBusinessId?: string | undefined;
  operator: string;
}

/**
 * Bootstraps an administrator (all units). Never a default password: the operator types or pipes one
 * and it must pass the password rules. TOTP enrolment is forced at the first sign-in.
 */
export async function createAdmin(
  db: Database,
  config: Config,
  options: CreateAdminOptions,
  now = new Date(),
) {
  const username = options.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
    throw new Error("--username: 2–64 characters a–z, digits, dot, dash or underscore");
  }
  let passwordHash: string;
  try {
    passwordHash = await hashNewPassword(
      options.password,
      { ...options, username },
      config.passwordHash,
      "password",
    );
  } catch (error) {
    if (isDomainError(error)) throw new Error(`password refused (${error.reason}): ${error.message}`);
    throw error;
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) throw new Error(`user ${username} exists already`);
    let [controller] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.kind, "controller"));
    if (!controller) {
      if (!options.controllerBusinessId) {
        throw new Error(
          "no controller organisation yet: pass --controller-business-id (its Y-tunnus) to create it",
        );
      }
      [controller] = await tx
        .insert(organisations)
        .values({
          kind: "controller",
          name: config.register.controllerName ?? DEFAULT_REGISTER_CONFIG.controllerName,
          businessId: options.controllerBusinessId,
          country: "FI",
          createdAt: now,
        })
        .returning({ id: organisations.id });
    }
    if (!controller) throw new Error("could not create the controller organisation");
    const [user] = await tx
      .insert(users)
      .values({
        organisationId: controller.id,
        username,
        firstName: options.firstName,
        lastName: options.lastName,
        passwordHash,
        passwordSetAt: now,
        mustChangePassword: false,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    if (!user) throw new Error("insert returned nothing");
    await tx
      .insert(roleGrants)
      .values({ userId: user.id, role: "administrator", unitId: null, grantedAt: now });
    await appendAuditEvent(tx, {
      actorType: "system",
      actorLabel: `cli:${options.operator}`,
      action: "user.create",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
      occurredAt: now,
      details: { username, role: "administrator", via: "create-admin" },
    });
    return { userId: user.id, username };
  });
}
