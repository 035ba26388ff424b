import { type Locale, type RecordOfProcessing, recordOfProcessing } from "@kuulo/domain/register";
import { loadQualitySettings } from "../quality/load-settings.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadRetentionPolicy } from "./load-policy.js";

/**
 * The GDPR Art. 30 record of processing for this register (R1), from the same register definition as the
 * privacy notice, with this deployment's controller and configured retention. Exporting it is audited.
 */
export async function exportRecordOfProcessing({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { locale: Locale };
}): Promise<{ generatedAt: string; record: RecordOfProcessing }> {
  const { policy } = await loadRetentionPolicy(ctx.db);
  const { enabled, retentionDays } = await loadQualitySettings(ctx.db);
  const record = recordOfProcessing(input.locale, {
    config: ctx.config.register,
    retention: policy,
    quality: { enabled, retentionDays },
    emailDelivery: ctx.config.email !== null,
  });
  await audit(ctx.db, ctx, {
    action: "register.record_of_processing_export",
    outcome: "success",
    targetType: "register",
    targetId: null,
    details: { locale: input.locale },
  });
  return { generatedAt: ctx.clock.now().toISOString(), record };
}
