import type { Database } from "@kuulo/db/client";
import { users } from "@kuulo/db/schema";
import { PASSWORD_LINK_TEXTS } from "@kuulo/domain/inbox";
import { eq } from "drizzle-orm";
import type { Config } from "../env.js";
import { sendMail } from "./mailer.js";

/**
 * With e-mail on, a one-time set-password link also goes to the person's own address (if the account has
 * one), after the transaction that made it. The link is all it holds. A failure is logged, never fatal: the
 * issuer still has the link to hand over.
 */
export async function emailPasswordLink(
  deps: { db: Database; config: Config; log: { warn(obj: object, msg: string): void } },
  link: { userId: string; token: string; expiresAt: Date | string },
): Promise<boolean> {
  const email = deps.config.email;
  if (!email) return false;
  const [user] = await deps.db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, link.userId));
  if (!user?.email) return false;
  const texts = PASSWORD_LINK_TEXTS[user.locale === "en" ? "en" : "fi"];
  const url = `${email.linkOrigin}/admin/set-password#token=${encodeURIComponent(link.token)}`;
  const expires = new Date(link.expiresAt).toISOString().slice(0, 16).replace("T", " ");
  try {
    await sendMail(email, {
      to: user.email,
      subject: texts.subject,
      text: `${texts.body}\n\n${url}\n\n${texts.expires.replace("{expires}", expires)}\n`,
    });
    return true;
  } catch (error) {
    deps.log.warn({ err: error instanceof Error ? error.name : "error" }, "password link e-mail not sent");
    return false;
  }
}
