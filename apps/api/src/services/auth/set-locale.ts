import { users } from "@kuulo/db/schema";
import type { Locale } from "@kuulo/domain/register";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";

/** Remembers the language on one's own account, so every browser signed in as this person uses it. */
export async function setLocale({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { locale: Locale };
}): Promise<{ locale: Locale }> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ locale: input.locale, updatedAt: now })
      .where(eq(users.id, ctx.auth.user.id));
    await audit(tx, ctx, {
      action: "auth.locale_change",
      outcome: "success",
      targetType: "user",
      targetId: ctx.auth.user.id,
      details: { locale: input.locale },
    });
  });
  return { locale: input.locale };
}
