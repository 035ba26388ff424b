import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { qualityCalibrations, qualityEvaluations, qualityMoments, recordings } from "@kuulo/db/schema";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { loadQualitySettings } from "../services/quality/load-settings.js";
import type { PurgeActor } from "./purge-recording.js";

export interface QualityPurgeResult {
  evaluations: number;
  moments: number;
  calibrations: number;
}

/**
 * Quality feedback and evaluations have their own retention besides going with their recording (R13):
 * whatever is older than the configured days is deleted, except about a recording under legal hold.
 * One transaction; the tombstone audit row holds only counts and the period, no personal data.
 */
export async function purgeQualityData(
  db: Database,
  options: { now: Date; actor: PurgeActor; dryRun?: boolean },
): Promise<QualityPurgeResult> {
  const { retentionDays } = await loadQualitySettings(db);
  const cutoff = new Date(options.now.getTime() - retentionDays * 86_400_000);
  const unheld = (column: typeof qualityEvaluations.recordingId | typeof qualityMoments.recordingId) =>
    inArray(column, db.select({ id: recordings.id }).from(recordings).where(eq(recordings.legalHold, false)));
  if (options.dryRun) {
    const [e] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(qualityEvaluations)
      .where(and(lt(qualityEvaluations.createdAt, cutoff), unheld(qualityEvaluations.recordingId)));
    const [m] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(qualityMoments)
      .where(and(lt(qualityMoments.createdAt, cutoff), unheld(qualityMoments.recordingId)));
    return { evaluations: Number(e?.n ?? 0), moments: Number(m?.n ?? 0), calibrations: 0 };
  }
  return db.transaction(async (tx) => {
    const moments = await tx
      .delete(qualityMoments)
      .where(and(lt(qualityMoments.createdAt, cutoff), unheld(qualityMoments.recordingId)))
      .returning({ id: qualityMoments.id });
    const evaluations = await tx
      .delete(qualityEvaluations)
      .where(and(lt(qualityEvaluations.createdAt, cutoff), unheld(qualityEvaluations.recordingId)))
      .returning({ id: qualityEvaluations.id });
    const calibrations = await tx
      .delete(qualityCalibrations)
      .where(
        and(
          lt(qualityCalibrations.createdAt, cutoff),
          inArray(
            qualityCalibrations.recordingId,
            tx.select({ id: recordings.id }).from(recordings).where(eq(recordings.legalHold, false)),
          ),
        ),
      )
      .returning({ id: qualityCalibrations.id });
    const result = {
      evaluations: evaluations.length,
      moments: moments.length,
      calibrations: calibrations.length,
    };
    if (result.evaluations + result.moments + result.calibrations > 0) {
      await appendAuditEvent(tx, {
        ...options.actor,
        occurredAt: options.now,
        action: "quality.purge",
        targetType: "quality",
        targetId: null,
        outcome: "success",
        details: { ...result, retentionDays, cutoff: cutoff.toISOString() },
      });
    }
    return result;
  });
}
