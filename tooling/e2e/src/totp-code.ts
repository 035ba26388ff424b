import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";

const PERIOD_SECONDS = 30;

const lastStepBySecret = new Map<string, number>();

/**
 * The 6-digit code (RFC 6238, SHA-1, 30 s) for a base32 secret at `now`, as an authenticator app shows.
 * Without `now`: the API accepts each step once (no replay), so a second sign-in in the same window
 * gets the next step's code, which the API's one-step drift allowance accepts.
 */
export function totpCode(base32Secret: string, now?: number): string {
  const secret = base32Secret.replace(/\s+/g, "").toUpperCase();
  const key = decodeBase32IgnorePadding(secret);
  const current = Math.floor((now ?? Date.now()) / 1000 / PERIOD_SECONDS);
  if (now !== undefined) return generateHOTP(key, BigInt(current), 6);
  const step = Math.max(current, (lastStepBySecret.get(secret) ?? current - 1) + 1);
  lastStepBySecret.set(secret, step);
  return generateHOTP(key, BigInt(step), 6);
}

/** Seconds left in the current 30 s window; tests wait for a fresh window rather than race its end. */
export function secondsLeftInWindow(now = Date.now()): number {
  return PERIOD_SECONDS - (Math.floor(now / 1000) % PERIOD_SECONDS);
}
