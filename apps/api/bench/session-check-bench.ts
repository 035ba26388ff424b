import type { KuuloDb } from "@kuulo/db/client";
import { validateSessionToken } from "../src/auth/sessions.js";
import type { BenchApp } from "./bench-app.js";
import { type Bounds, type LatencyStats, measureLatency } from "./measure.js";

export interface SessionCheckResult {
  /** validateSessionToken in-process, facts from the instance's cache (one auth_epoch read). */
  cached: LatencyStats;
  /** The same check reading session, user, organisation and grants afresh (the previous behaviour). */
  fresh: LatencyStats;
}

/** The session check alone, without HTTP and tRPC: cached against read-afresh, back to back. */
export async function measureSessionCheck(
  kuuloDb: KuuloDb,
  bench: BenchApp,
  bounds: Bounds,
): Promise<SessionCheckResult> {
  const token = bench.trainerCookie.slice(bench.trainerCookie.indexOf("=") + 1);
  const check = (cache: boolean) => async () => {
    const result = await validateSessionToken(kuuloDb.db, token, new Date(), { cache });
    if (!result.ok) throw new Error(`session refused: ${result.reason}`);
  };
  const fresh = await measureLatency(bounds, check(false));
  const cached = await measureLatency(bounds, check(true));
  return { cached, fresh };
}
