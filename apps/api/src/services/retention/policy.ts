import { DEFAULT_RETENTION_POLICY, type RetentionPolicy } from "@kuulo/domain/retention";
import type { AuthedContext } from "../shared/service-context.js";
import { loadRetentionPolicy } from "./load-policy.js";

export interface RetentionPolicyView {
  policy: RetentionPolicy;
  defaults: RetentionPolicy;
  configured: { ordinary: boolean; training: boolean };
  updatedAt: Date | null;
  /** Legal hold has no period: a held recording is kept until the hold is released. */
  legalHold: { periodDays: null };
}

/** The retention periods in force per category, and the documented defaults they replace (R13). */
export async function retentionPolicy({ ctx }: { ctx: AuthedContext }): Promise<RetentionPolicyView> {
  const loaded = await loadRetentionPolicy(ctx.db);
  return { ...loaded, defaults: { ...DEFAULT_RETENTION_POLICY }, legalHold: { periodDays: null } };
}
