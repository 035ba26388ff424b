import { passwordSetupTokens, users } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { and, eq, gt, isNull } from "drizzle-orm";
import { hashToken } from "../../auth/session-token.js";
import { deleteUserSessions } from "../../auth/sessions.js";
import { audit } from "../shared/audit.js";
import { hashNewPassword } from "../shared/new-password.js";
import type { ServiceContext } from "../shared/service-context.js";

const INVALID_LINK = () =>
  new DomainError("NOT_FOUND", "This link is not valid: it was used already, has expired or was replaced", {
    field: "token",
    reason: "password_link.invalid",
  });

/**
 * The one-time set-password link (new account or administrator reset, ASVS 6.4.1): single use,
 * 24 h, only its SHA-256 stored. Ends every session of the account; the user then signs in.
 */
export async function setPasswordWithToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string; newPassword: string };
}): Promise<{ username: string }> {
  const now = ctx.clock.now();
  const tokenHash = hashToken(input.token);
  const [row] = await ctx.db
    .select({ link: passwordSetupTokens, user: users })
    .from(passwordSetupTokens)
    .innerJoin(users, eq(users.id, passwordSetupTokens.userId))
    .where(
      and(
        eq(passwordSetupTokens.tokenHash, tokenHash),
        isNull(passwordSetupTokens.usedAt),
        gt(passwordSetupTokens.expiresAt, now),
      ),
    );
  if (!row) throw INVALID_LINK();
  if (row.user.status !== "active") throw INVALID_LINK();
  const { user } = row;
  const hash = await hashNewPassword(input.newPassword, user, ctx.config.passwordHash);
  await ctx.db.transaction(async (tx) => {
    const used = await tx
      .update(passwordSetupTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordSetupTokens.id, row.link.id), isNull(passwordSetupTokens.usedAt)))
      .returning({ id: passwordSetupTokens.id });
    if (used.length === 0) throw INVALID_LINK();
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        passwordSetAt: now,
        mustChangePassword: false,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id);
    await audit(tx, ctx, {
      action: "auth.password_set",
      outcome: "success",
      actorType: "user",
      actorId: user.id,
      actorLabel: user.username,
      targetType: "user",
      targetId: user.id,
    });
  });
  return { username: user.username };
}
