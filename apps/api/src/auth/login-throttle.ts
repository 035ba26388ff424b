import type { DbOrTx } from "@kuulo/db/client";
import { loginThrottles } from "@kuulo/db/schema";
import { eq, inArray } from "drizzle-orm";
import { EMPTY_THROTTLE, recordFailure, secondsLocked, type ThrottleState } from "./throttle-policy.js";

/** Throttle keys: per account (by the name typed, so unknown names are throttled alike) and per address. */
export function throttleKeys(username: string, ip: string): { account: string; address: string } {
  return { account: `user:${username}`, address: `ip:${ip}` };
}

export async function readThrottles(
  db: DbOrTx,
  keys: readonly string[],
): Promise<Map<string, ThrottleState>> {
  const rows = await db
    .select()
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [...keys]));
  return new Map(rows.map((row) => [row.key, row]));
}

/** The longest remaining lock among the keys, in seconds (0 = free to try). */
export async function lockedSeconds(db: DbOrTx, keys: readonly string[], now: Date): Promise<number> {
  const states = await readThrottles(db, keys);
  return Math.max(0, ...[...states.values()].map((state) => secondsLocked(state, now)));
}

/**
 * Counts one failure against each key. Runs in the caller's transaction with the rows locked
 * (SELECT … FOR UPDATE) so concurrent failures from several processes are all counted.
 */
export async function countFailure(
  tx: DbOrTx,
  keys: readonly string[],
  now: Date,
): Promise<Map<string, ThrottleState>> {
  await tx
    .insert(loginThrottles)
    .values(keys.map((key) => ({ key, failures: 0 })))
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [...keys]))
    .for("update");
  const after = new Map<string, ThrottleState>();
  for (const row of rows) {
    const next = recordFailure(row.failures > 0 ? row : EMPTY_THROTTLE, now);
    await tx.update(loginThrottles).set(next).where(eq(loginThrottles.key, row.key));
    after.set(row.key, next);
  }
  return after;
}

/** A successful sign-in clears the consecutive-failure count of the account and the address. */
export async function clearThrottles(db: DbOrTx, keys: readonly string[]): Promise<void> {
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, [...keys]));
}
