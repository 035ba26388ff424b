import { type Locale, type PrivacyNotice, renderPrivacyNotice } from "@kuulo/domain/register";
import type { Context } from "../../trpc/context.js";

/** The public privacy notice (R1), rendered from the register data with this deployment's controller. */
export function privacyNotice({ ctx, input }: { ctx: Context; input: { locale: Locale } }): PrivacyNotice {
  return renderPrivacyNotice(input.locale, { config: ctx.config.register });
}
