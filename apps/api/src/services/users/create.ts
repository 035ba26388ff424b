import { organisations, roleGrants, units, users } from "@kuulo/db/schema";
import type { Role } from "@kuulo/domain/access";
import { conflict, DomainError, notFound } from "@kuulo/domain/errors";
import { eq, inArray } from "drizzle-orm";
import { emailPasswordLink } from "../../email/email-password-link.js";
import { grantNeedsApproval, insertListeningRequest } from "../grants/listening-requests.js";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import { pgErrorCode, UNIQUE_VIOLATION } from "../shared/db-errors.js";
import type { AuthedContext } from "../shared/service-context.js";
import { issuePasswordLink } from "./issue-password-link.js";
import { loadUserViews, type UserView } from "./user-view.js";

export interface CreateUserInput {
  organisationId: string;
  username: string;
  firstName: string;
  lastName: string;
  email?: string | null | undefined;
  grants: { role: Role; unitId: string | null }[];
}

export interface CreateUserResult {
  user: UserView;
  /** Null when a listening role awaits approval: the link then goes to the approver, never to the requester. */
  setPasswordToken: string | null;
  setPasswordExpiresAt: string | null;
  /** Listening roles requested for the person, each awaiting a second person's approval (R10). */
  awaitingApproval: number;
}

/**
 * Creates a personal account (R11: no shared accounts, no administrator-chosen password). The person
 * sets their own password through a one-time link valid 24 h, returned here once. With a role that
 * lets them listen, that role and the link wait for a second person (R10: no sock-puppet accounts).
 */
export async function createUser({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: CreateUserInput;
}): Promise<CreateUserResult> {
  const [organisation] = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw notFound("Organisation");
  const unitIds = input.grants.map((grant) => grant.unitId).filter((id): id is string => id !== null);
  if (unitIds.length > 0) {
    const found = await ctx.db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
    if (found.length !== new Set(unitIds).size) {
      throw new DomainError("VALIDATION", "A unit in the grants does not exist", {
        field: "grants",
        reason: "unit.unknown",
      });
    }
  }
  for (const grant of input.grants.length > 0 ? input.grants : [{ unitId: null }]) {
    await authorize(ctx, "user.create", { unitId: grant.unitId }, { type: "user", id: null });
  }
  for (const grant of input.grants) {
    await authorize(ctx, "grant.create", { unitId: grant.unitId }, { type: "grant", id: null });
  }
  const now = ctx.clock.now();
  const immediate = input.grants.filter((grant) => !grantNeedsApproval(ctx, grant.role));
  const requested = input.grants.filter((grant) => grantNeedsApproval(ctx, grant.role));
  try {
    const { userId, link } = await ctx.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({
          organisationId: organisation.id,
          username: input.username,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email ?? null,
          mustChangePassword: false,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      if (!created) throw new Error("insert returned nothing");
      if (immediate.length > 0) {
        await tx.insert(roleGrants).values(
          immediate.map((grant) => ({
            ...grant,
            userId: created.id,
            grantedBy: ctx.auth.user.id,
            grantedAt: now,
          })),
        );
      }
      await audit(tx, ctx, {
        action: "user.create",
        outcome: "success",
        targetType: "user",
        targetId: created.id,
        details: { username: input.username, organisationId: organisation.id, grants: immediate },
      });
      for (const grant of requested) {
        await insertListeningRequest(tx, ctx, { kind: "grant", userId: created.id, ...grant });
      }
      // The approver of the listening role receives the link; the requester never does.
      const link =
        requested.length === 0 ? await issuePasswordLink(tx, created.id, now, ctx.auth.user.id) : null;
      return { userId: created.id, link };
    });
    const [view] = await loadUserViews(ctx.db, [userId], now);
    if (!view) throw new Error("created user not found");
    if (link) await emailPasswordLink(ctx, { userId, ...link });
    return {
      user: view,
      setPasswordToken: link?.token ?? null,
      setPasswordExpiresAt: link?.expiresAt.toISOString() ?? null,
      awaitingApproval: requested.length,
    };
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      throw conflict("That username is already taken", { field: "username", reason: "username.taken" });
    }
    throw error;
  }
}
