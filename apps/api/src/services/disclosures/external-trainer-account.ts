import { randomBytes } from "node:crypto";
import type { Transaction } from "@kuulo/db/client";
import { organisations, roleGrants, users } from "@kuulo/db/schema";
import { and, eq, isNull, sql } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";
import type { AuthedContext } from "../../trpc/procedures.js";
import { audit } from "../shared/audit.js";
import { issuePasswordLink } from "../users/issue-password-link.js";

export interface ExternalTrainerFacts {
  recipientName: string;
  recipientOrganisation: string;
  recipientCountry: string;
  recipientEmail: string;
  ndaReference: string;
  validFrom: Date;
  validUntil: Date;
}

export interface ExternalTrainerAccount {
  userId: string;
  username: string;
  created: boolean;
  /** One-time set-password link, when the person has no password yet (new or never activated). */
  passwordLink: { token: string; expiresAt: Date } | null;
}

/**
 * The trainer's organisation is a processor (R9) whose agreement is the NDA: an organisation created
 * for a disclosure gets a synthetic business id and its agreement window stretched to cover the disclosure.
 */
async function ensureOrganisation(tx: Transaction, ctx: AuthedContext, facts: ExternalTrainerFacts) {
  const [existing] = await tx
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "processor"),
        sql`lower(${organisations.name}) = lower(${facts.recipientOrganisation})`,
        eq(organisations.country, facts.recipientCountry),
      ),
    )
    .limit(1);
  if (existing) {
    const until = existing.agreementValidUntil;
    if (existing.businessId.startsWith("nda-") && until && until.getTime() < facts.validUntil.getTime()) {
      await tx
        .update(organisations)
        .set({ agreementValidUntil: facts.validUntil })
        .where(eq(organisations.id, existing.id));
    }
    return existing.id;
  }
  const [created] = await tx
    .insert(organisations)
    .values({
      kind: "processor",
      name: facts.recipientOrganisation,
      businessId: `nda-${randomBytes(6).toString("hex")}`,
      country: facts.recipientCountry,
      agreementReference: facts.ndaReference,
      agreementValidFrom: facts.validFrom,
      agreementValidUntil: facts.validUntil,
      createdAt: ctx.clock.now(),
    })
    .returning({ id: organisations.id });
  if (!created) throw new Error("insert returned nothing");
  await audit(tx, ctx, {
    action: "organisation.create",
    outcome: "success",
    targetType: "organisation",
    targetId: created.id,
    details: { name: facts.recipientOrganisation, agreementReference: facts.ndaReference, via: "disclosure" },
  });
  return created.id;
}

async function freeUsername(tx: Transaction, email: string): Promise<string> {
  const base =
    email
      .split("@")[0]
      ?.toLowerCase()
      .replace(/[^a-z0-9._-]/g, "")
      .replace(/^[^a-z0-9]+/, "")
      .slice(0, 50) || "ulkoinen";
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = attempt === 0 ? `${base}.ext` : `${base}.ext${attempt + 1}`;
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, candidate));
    if (!taken) return candidate;
  }
  return `${base}.${randomBytes(4).toString("hex")}`;
}

/**
 * Creates, or re-enables, the external trainer's personal account (R11: their own credentials) with the
 * external_trainer role and no unit grant: the role reaches only disclosed recordings (R6a, R10).
 */
export async function ensureExternalTrainerAccount(
  tx: Transaction,
  ctx: AuthedContext,
  facts: ExternalTrainerFacts,
): Promise<ExternalTrainerAccount> {
  const now = ctx.clock.now();
  const email = facts.recipientEmail.toLowerCase();
  const [existing] = await tx
    .select({ user: users })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(sql`lower(${users.email}) = ${email}`, eq(roleGrants.role, "external_trainer")))
    .limit(1);
  let userId: string;
  let username: string;
  let created = false;
  let needsLink: boolean;
  if (existing) {
    userId = existing.user.id;
    username = existing.user.username;
    needsLink = existing.user.passwordHash === null;
    if (existing.user.status !== "active") {
      await tx
        .update(users)
        .set({ status: "active", deactivatedAt: null, updatedAt: now })
        .where(eq(users.id, userId));
      await deleteUserSessions(tx, userId);
      await audit(tx, ctx, {
        action: "user.reactivate",
        outcome: "success",
        targetType: "user",
        targetId: userId,
        details: { via: "disclosure" },
      });
    }
  } else {
    const organisationId = await ensureOrganisation(tx, ctx, facts);
    const [firstName, ...rest] = facts.recipientName.trim().split(/\s+/);
    username = await freeUsername(tx, email);
    const [row] = await tx
      .insert(users)
      .values({
        organisationId,
        username,
        firstName: firstName ?? facts.recipientName,
        lastName: rest.join(" ") || "-",
        email,
        mustChangePassword: false,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    if (!row) throw new Error("insert returned nothing");
    userId = row.id;
    created = true;
    needsLink = true;
    await audit(tx, ctx, {
      action: "user.create",
      outcome: "success",
      targetType: "user",
      targetId: userId,
      details: {
        username,
        organisationId,
        grants: [{ role: "external_trainer", unitId: null }],
        via: "disclosure",
      },
    });
  }
  const [grant] = await tx
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, "external_trainer"),
        isNull(roleGrants.revokedAt),
      ),
    );
  if (!grant) {
    await tx.insert(roleGrants).values({
      userId,
      role: "external_trainer",
      unitId: null,
      grantedBy: ctx.auth.user.id,
      grantedAt: now,
    });
  }
  const passwordLink = needsLink ? await issuePasswordLink(tx, userId, now, ctx.auth.user.id) : null;
  return { userId, username, created, passwordLink };
}
