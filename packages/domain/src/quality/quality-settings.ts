import { z } from "zod";

/** Whole days; the same bounds as recording retention (R13). */
export const MIN_QUALITY_RETENTION_DAYS = 30;
export const MAX_QUALITY_RETENTION_DAYS = 3653;

/**
 * Quality review is a setting of the installation, off by default: the 2011 register description does
 * not declare feedback or evaluations, so they exist only after an administrator turns them on (and the
 * privacy notice then declares them). Retention default two years: two annual review cycles, after which
 * an evaluation says little about how the person works today (GDPR Art. 5(1)(e)).
 */
export const qualitySettingsSchema = z.strictObject({
  enabled: z.boolean(),
  retentionDays: z.number().int().min(MIN_QUALITY_RETENTION_DAYS).max(MAX_QUALITY_RETENTION_DAYS),
});
export type QualitySettings = z.infer<typeof qualitySettingsSchema>;

export const DEFAULT_QUALITY_SETTINGS: QualitySettings = Object.freeze({
  enabled: false,
  retentionDays: 730,
});

/** The reason every quality procedure gives while the feature is off. */
export const QUALITY_DISABLED_REASON = "quality.disabled";
