import { activeTrainingDisclosures } from "@kuulo/db/queries";
import { organisations, users } from "@kuulo/db/schema";
import { sessionLimitsFor } from "@kuulo/domain/access";
import { DomainError } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { organisationMaySignIn } from "../../auth/designated-user.js";
import { clearThrottles, countFailure, lockedSeconds, throttleKeys } from "../../auth/login-throttle.js";
import {
  dummyHash,
  hashPassword,
  needsRehash,
  passwordTooLong,
  verifyPassword,
} from "../../auth/password-hash.js";
import { createSession, loadGrants, PENDING_SESSION_SECONDS, stageOf } from "../../auth/sessions.js";
import { secondsLocked } from "../../auth/throttle-policy.js";
import { audit } from "../shared/audit.js";
import type { ServiceContext } from "../shared/service-context.js";

export interface SignInInput {
  username: string;
  password: string;
}

export type SignInResult = {
  status: "signed_in" | "second_factor_required" | "enrolment_required";
  mustChangePassword: boolean;
};

const INVALID = () =>
  new DomainError("UNAUTHENTICATED", "Wrong username or password", {
    reason: "credentials.invalid",
    rule: "R11",
  });

export const rateLimited = (seconds: number) =>
  new DomainError("RATE_LIMITED", `Too many failed attempts. Try again in ${seconds} s.`, {
    reason: "sign_in.throttled",
    rule: "R11",
    details: { retryAfterSeconds: seconds },
  });

/**
 * Password sign-in (R11). Unknown user, missing password and wrong password take the same path and
 * the same argon2 work; only after the password is proven does the answer say more (R9, TOTP).
 */
export async function signIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SignInInput;
}): Promise<SignInResult> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  if (passwordTooLong(input.password)) {
    throw new DomainError("VALIDATION", "The password is too long", {
      field: "password",
      reason: "password.too_long",
    });
  }
  const keys = throttleKeys(username, ctx.request.ip);
  const locked = await lockedSeconds(ctx.db, [keys.account, keys.address], now);
  if (locked > 0) {
    await audit(ctx.db, ctx, {
      action: "auth.sign_in",
      outcome: "denied",
      actorLabel: username,
      details: { reason: "throttled", retryAfterSeconds: locked },
    });
    throw rateLimited(locked);
  }

  const [row] = await ctx.db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.username, username))
    .limit(1);
  const storedHash = row?.user.passwordHash ?? (await dummyHash(ctx.config.passwordHash));
  const passwordOk = (await verifyPassword(storedHash, input.password)) && row?.user.passwordHash != null;
  const active = row?.user.status === "active";

  if (!row || !passwordOk || !active) {
    const reason = !row ? "unknown_user" : !passwordOk ? "wrong_password" : "inactive";
    await ctx.db.transaction(async (tx) => {
      const after = await countFailure(tx, [keys.account, keys.address], now);
      await audit(tx, ctx, {
        action: "auth.sign_in",
        outcome: "failure",
        actorLabel: username,
        targetType: row ? "user" : null,
        targetId: row?.user.id ?? null,
        details: { reason },
      });
      const lockSeconds = Math.max(0, ...[...after.values()].map((state) => secondsLocked(state, now)));
      if (lockSeconds > 0) {
        await audit(tx, ctx, {
          action: "auth.lockout",
          outcome: "denied",
          actorLabel: username,
          targetType: row ? "user" : null,
          targetId: row?.user.id ?? null,
          details: { lockSeconds, failures: after.get(keys.account)?.failures ?? 0 },
        });
      }
    });
    throw INVALID();
  }

  const { user, organisation } = row;
  if (!organisationMaySignIn(organisation, now)) {
    await audit(ctx.db, ctx, {
      action: "auth.sign_in",
      outcome: "denied",
      actorLabel: username,
      targetType: "user",
      targetId: user.id,
      details: { reason: "agreement_not_valid", organisationId: organisation.id },
    });
    throw new DomainError("FORBIDDEN", "Your organisation's agreement with the controller is not in force", {
      rule: "R9",
      reason: "agreement.not_valid",
    });
  }

  const grants = await loadGrants(ctx.db, user.id);
  const roles = [...new Set(grants.map((grant) => grant.role))];
  const totpEnabled = user.totpEnabledAt !== null;
  const stage = stageOf(roles, totpEnabled, false);
  const limits = sessionLimitsFor(roles);
  let absoluteSeconds = Math.floor(limits.absoluteMs / 1000);
  if (roles.includes("external_trainer")) {
    // Never past the end of the disclosure that lets them in (security.md).
    const ends = (await activeTrainingDisclosures(ctx.db, user.id, now))
      .map((d) => d.validUntil?.getTime())
      .filter((t): t is number => t !== undefined);
    if (ends.length > 0)
      absoluteSeconds = Math.min(absoluteSeconds, Math.floor((Math.max(...ends) - now.getTime()) / 1000));
  }
  const pending = stage !== "full";
  const rehash = needsRehash(storedHash, ctx.config.passwordHash)
    ? await hashPassword(input.password, ctx.config.passwordHash)
    : null;

  const session = await ctx.db.transaction(async (tx) => {
    // With a second factor still to come, the account's failure count stays: otherwise signing in
    // again with a known password would reset the back-off on guessing TOTP codes.
    await clearThrottles(tx, stage === "second_factor" ? [keys.address] : [keys.account, keys.address]);
    if (rehash) await tx.update(users).set({ passwordHash: rehash }).where(eq(users.id, user.id));
    const created = await createSession(tx, {
      userId: user.id,
      now,
      idleSeconds: pending ? PENDING_SESSION_SECONDS : Math.floor(limits.idleMs / 1000),
      absoluteSeconds: pending ? PENDING_SESSION_SECONDS : Math.max(1, absoluteSeconds),
      secondFactorVerified: false,
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent ?? null,
    });
    await audit(tx, ctx, {
      action: "auth.sign_in",
      outcome: "success",
      actorType: "user",
      actorId: user.id,
      actorLabel: user.username,
      targetType: "user",
      targetId: user.id,
      details: { stage, ...(rehash ? { rehashed: true } : {}) },
    });
    return created;
  });
  ctx.cookies.set(session.token, session.expiresAt);
  return {
    status:
      stage === "full"
        ? "signed_in"
        : stage === "second_factor"
          ? "second_factor_required"
          : "enrolment_required",
    mustChangePassword: user.mustChangePassword,
  };
}
