import { randomBytes } from "node:crypto";
import type { Transaction } from "@kuulo/db/client";
import { type Organisation, organisations, roleGrants, type User, users } from "@kuulo/db/schema";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { and, eq, isNull, sql } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { issuePasswordLink } from "../users/issue-password-link.js";

export interface ExternalTrainerFacts {
  /** Picked by the privacy officer; without it the account is found by e-mail or created. */
  externalUserId?: string | undefined;
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
 * for a disclosure gets a synthetic business id, and its agreement window grows to cover every
 * disclosure (with the newest NDA as its reference). A processor with its own agreement keeps it, and a
 * disclosure outside that agreement is refused: the trainer could not sign in (R9).
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
    await coverDisclosureWindow(tx, ctx, existing, facts);
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

async function coverDisclosureWindow(
  tx: Transaction,
  ctx: AuthedContext,
  organisation: Organisation,
  facts: ExternalTrainerFacts,
) {
  const from = organisation.agreementValidFrom;
  const until = organisation.agreementValidUntil;
  const startsInTime = from !== null && from.getTime() <= facts.validFrom.getTime();
  const covers = startsInTime && (until === null || until.getTime() >= facts.validUntil.getTime());
  if (!organisation.businessId.startsWith("nda-")) {
    if (covers) return;
    throw new DomainError(
      "VALIDATION",
      `${organisation.name}'s agreement with the controller does not cover the disclosure's validity window`,
      { field: "validUntil", rule: "R9", reason: "disclosure.agreement_window" },
    );
  }
  const next = {
    agreementValidFrom: startsInTime && from ? from : facts.validFrom,
    agreementValidUntil:
      until !== null && until.getTime() >= facts.validUntil.getTime() ? until : facts.validUntil,
    agreementReference: facts.ndaReference,
  };
  await tx.update(organisations).set(next).where(eq(organisations.id, organisation.id));
  await audit(tx, ctx, {
    action: "organisation.update",
    outcome: "success",
    targetType: "organisation",
    targetId: organisation.id,
    details: {
      agreementReference: next.agreementReference,
      agreementValidFrom: next.agreementValidFrom.toISOString(),
      agreementValidUntil: next.agreementValidUntil.toISOString(),
      via: "disclosure",
    },
  });
}

/**
 * A returning trainer: their organisation (found or created from this disclosure's facts) must have an
 * agreement covering the new window, else they could not sign in (R9); name and e-mail follow the NDA.
 */
async function bringUpToDate(tx: Transaction, ctx: AuthedContext, user: User, facts: ExternalTrainerFacts) {
  const organisationId = await ensureOrganisation(tx, ctx, facts);
  const { firstName, lastName } = splitName(facts.recipientName);
  const email = facts.recipientEmail.toLowerCase();
  const changes = {
    ...(organisationId !== user.organisationId ? { organisationId } : {}),
    ...(firstName !== user.firstName ? { firstName } : {}),
    ...(lastName !== user.lastName ? { lastName } : {}),
    ...(email !== user.email ? { email } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(users)
    .set({ ...changes, updatedAt: ctx.clock.now() })
    .where(eq(users.id, user.id));
  await audit(tx, ctx, {
    action: "user.update",
    outcome: "success",
    targetType: "user",
    targetId: user.id,
    details: { changed: Object.keys(changes), organisationId, via: "disclosure" },
  });
}

function splitName(name: string): { firstName: string; lastName: string } {
  const [firstName, ...rest] = name.trim().split(/\s+/);
  return { firstName: firstName ?? name, lastName: rest.join(" ") || "-" };
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
    .where(
      and(
        facts.externalUserId ? eq(users.id, facts.externalUserId) : sql`lower(${users.email}) = ${email}`,
        eq(roleGrants.role, "external_trainer"),
      ),
    )
    .limit(1);
  if (facts.externalUserId && !existing) throw notFound("External trainer");
  let userId: string;
  let username: string;
  let created = false;
  let needsLink: boolean;
  if (existing) {
    userId = existing.user.id;
    username = existing.user.username;
    needsLink = existing.user.passwordHash === null;
    await bringUpToDate(tx, ctx, existing.user, facts);
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
    const { firstName, lastName } = splitName(facts.recipientName);
    username = await freeUsername(tx, email);
    const [row] = await tx
      .insert(users)
      .values({
        organisationId,
        username,
        firstName,
        lastName,
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
