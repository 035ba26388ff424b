import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";

const PERIOD_SECONDS = 30;

const lastStepBySecret = new Map<string, number>();

/** The 6-digit code (RFC 6238, SHA-1, 30 s) for a base32 secret at `now`, as an authenticator app shows. */
export function totpCode(base32Secret: string, now: number = Date.now()): string {
  const key = decodeBase32IgnorePadding(normalise(base32Secret));
  return generateHOTP(key, BigInt(Math.floor(now / 1000 / PERIOD_SECONDS)), 6);
}

/**
 * A code for a sign-in. The API accepts each time step once (no replay) and allows one step of drift, so a
 * second sign-in in the same window gets the next step's code, and a third waits for the next window
 * rather than sending a code the API must refuse.
 */
export async function nextTotpCode(base32Secret: string): Promise<string> {
  const secret = normalise(base32Secret);
  const current = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  const step = Math.max(current, (lastStepBySecret.get(secret) ?? current - 1) + 1);
  lastStepBySecret.set(secret, step);
  const earliest = (step - 1) * PERIOD_SECONDS * 1000;
  if (Date.now() < earliest) await new Promise((resolve) => setTimeout(resolve, earliest - Date.now() + 50));
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6);
}

const normalise = (secret: string) => secret.replace(/\s+/g, "").toUpperCase();

/** Seconds left in the current 30 s window; tests wait for a fresh window rather than race its end. */
export function secondsLeftInWindow(now = Date.now()): number {
  return PERIOD_SECONDS - (Math.floor(now / 1000) % PERIOD_SECONDS);
}
