import { qualitySettings } from "@kuulo/db/schema";
import { QUALITY_COOPERATION_PROCEDURE, type QualitySettings } from "@kuulo/domain/quality";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadQualitySettings } from "./load-settings.js";

export interface QualitySettingsView extends QualitySettings {
  updatedAt: string | null;
  /** Shown beside the switch: the cooperation procedure and the Act on Privacy in Working Life. */
  cooperationProcedure: typeof QUALITY_COOPERATION_PROCEDURE;
}

export async function getQualitySettings({ ctx }: { ctx: AuthedContext }): Promise<QualitySettingsView> {
  const settings = await loadQualitySettings(ctx.db);
  return {
    enabled: settings.enabled,
    retentionDays: settings.retentionDays,
    updatedAt: settings.updatedAt?.toISOString() ?? null,
    cooperationProcedure: QUALITY_COOPERATION_PROCEDURE,
  };
}

/**
 * Turns quality review on or off (and sets its retention). The change and its audit row commit together;
 * the privacy notice and the Art. 30 record follow from the stored setting on their next render.
 */
export async function updateQualitySettings({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: QualitySettings;
}): Promise<QualitySettingsView> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadQualitySettings(tx);
    const now = ctx.clock.now();
    await tx
      .insert(qualitySettings)
      .values({ singleton: true, ...input, updatedBy: ctx.auth.user.id, updatedAt: now })
      .onConflictDoUpdate({
        target: qualitySettings.singleton,
        set: { ...input, updatedBy: ctx.auth.user.id, updatedAt: now },
      });
    await audit(tx, ctx, {
      action: "quality.settings_update",
      outcome: "success",
      targetType: "register",
      targetId: null,
      details: {
        enabled: input.enabled,
        retentionDays: input.retentionDays,
        wasEnabled: before.enabled,
        previousRetentionDays: before.retentionDays,
      },
    });
  });
  return getQualitySettings({ ctx });
}
