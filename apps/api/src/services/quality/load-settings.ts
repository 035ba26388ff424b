import type { DbOrTx } from "@kuulo/db/client";
import { qualitySettings } from "@kuulo/db/schema";
import { DEFAULT_QUALITY_SETTINGS, type QualitySettings } from "@kuulo/domain/quality";

/** The installation's quality-review setting; without a row, the domain's default (off). */
export async function loadQualitySettings(db: DbOrTx): Promise<QualitySettings & { updatedAt: Date | null }> {
  const [row] = await db.select().from(qualitySettings).limit(1);
  if (!row) return { ...DEFAULT_QUALITY_SETTINGS, updatedAt: null };
  return { enabled: row.enabled, retentionDays: row.retentionDays, updatedAt: row.updatedAt };
}
