import { type Locale, type PrivacyNotice, renderPrivacyNotice } from "@kuulo/domain/register";
import { loadQualitySettings } from "../quality/load-settings.js";
import { loadRetentionPolicy } from "../retention/load-policy.js";
import type { ServiceContext } from "../shared/service-context.js";

/**
 * The public privacy notice (R1), rendered from the register data with this deployment's controller and
 * the retention periods actually configured (R13), so the published text cannot drift from what is enforced.
 */
export async function privacyNotice({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { locale: Locale };
}): Promise<PrivacyNotice> {
  const { policy } = await loadRetentionPolicy(ctx.db);
  // Quality review, when switched on, adds its declared data category, purpose and retention.
  const { enabled, retentionDays } = await loadQualitySettings(ctx.db);
  return renderPrivacyNotice(input.locale, {
    config: ctx.config.register,
    retention: policy,
    quality: { enabled, retentionDays },
    emailDelivery: ctx.config.email !== null,
  });
}
