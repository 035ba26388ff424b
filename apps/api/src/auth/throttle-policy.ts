/**
 * Password-guessing throttle (R11; NIST SP 800-63B, ASVS 2.2.1): exponential back-off from the 5th
 * consecutive failure, per account and per address, and a hard cap of 100 failures an hour.
 */
export const THROTTLE_POLICY = {
  /** The lock starts with this failure (1-based). */
  backoffFromFailure: 5,
  maxLockSeconds: 15 * 60,
  hourlyCap: 100,
  windowSeconds: 60 * 60,
} as const;

export interface ThrottleState {
  failures: number;
  firstFailureAt: Date | null;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export const EMPTY_THROTTLE: ThrottleState = {
  failures: 0,
  firstFailureAt: null,
  lastFailureAt: null,
  lockedUntil: null,
};

/** Lock length after the n-th consecutive failure: 0 before the 5th, then 1 s, 2 s, 4 s … ≤ 15 min. */
export function lockSecondsAfter(failures: number): number {
  if (failures < THROTTLE_POLICY.backoffFromFailure) return 0;
  const exponent = failures - THROTTLE_POLICY.backoffFromFailure;
  return Math.min(2 ** Math.min(exponent, 30), THROTTLE_POLICY.maxLockSeconds);
}

/** The state after one more failed attempt at `now`. */
export function recordFailure(state: ThrottleState, now: Date): ThrottleState {
  const windowStart = state.firstFailureAt;
  const windowOpen =
    windowStart !== null && now.getTime() - windowStart.getTime() < THROTTLE_POLICY.windowSeconds * 1000;
  const failures = state.failures + 1;
  const firstFailureAt = windowOpen ? windowStart : now;
  const failuresInWindow = windowOpen ? failures : 1;
  let lockedUntil = new Date(now.getTime() + lockSecondsAfter(failures) * 1000);
  if (failuresInWindow >= THROTTLE_POLICY.hourlyCap && firstFailureAt) {
    // The hard cap: locked until the hour that began with the first failure has passed.
    const capUntil = new Date(firstFailureAt.getTime() + THROTTLE_POLICY.windowSeconds * 1000);
    if (capUntil > lockedUntil) lockedUntil = capUntil;
  }
  return {
    failures,
    firstFailureAt,
    lastFailureAt: now,
    lockedUntil: lockedUntil.getTime() > now.getTime() ? lockedUntil : null,
  };
}

/** Seconds until another attempt is allowed, or 0 when not locked. */
export function secondsLocked(state: ThrottleState, now: Date): number {
  if (!state.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
