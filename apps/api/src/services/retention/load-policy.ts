import type { DbOrTx } from "@kuulo/db/client";
import { retentionSettings } from "@kuulo/db/schema";
import {
  DEFAULT_RETENTION_POLICY,
  parseRetentionPolicy,
  type RetentionPolicy,
} from "@kuulo/domain/retention";

export interface LoadedRetentionPolicy {
  policy: RetentionPolicy;
  /** Which periods come from retention_settings (the rest are the domain's documented defaults). */
  configured: { ordinary: boolean; training: boolean };
  updatedAt: Date | null;
}

/** The periods in force: retention_settings rows, falling back to DEFAULT_RETENTION_POLICY per category. */
export async function loadRetentionPolicy(db: DbOrTx): Promise<LoadedRetentionPolicy> {
  const rows = await db.select().from(retentionSettings);
  const ordinary = rows.find((row) => row.category === "ordinary");
  const training = rows.find((row) => row.category === "training");
  const updated = rows.map((row) => row.updatedAt.getTime());
  return {
    policy: parseRetentionPolicy({
      ordinaryDays: ordinary?.periodDays ?? DEFAULT_RETENTION_POLICY.ordinaryDays,
      trainingDays: training?.periodDays ?? DEFAULT_RETENTION_POLICY.trainingDays,
    }),
    configured: { ordinary: ordinary !== undefined, training: training !== undefined },
    updatedAt: updated.length > 0 ? new Date(Math.max(...updated)) : null,
  };
}
