import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";

const PERIOD_SECONDS = 30;

/** The 6-digit code (RFC 6238, SHA-1, 30 s) for a base32 secret at `now`, as an authenticator app shows. */
export function totpCode(base32Secret: string, now = Date.now()): string {
  const key = decodeBase32IgnorePadding(base32Secret.replace(/\s+/g, "").toUpperCase());
  const counter = BigInt(Math.floor(now / 1000 / PERIOD_SECONDS));
  return generateHOTP(key, counter, 6);
}

/** Seconds left in the current 30 s window; tests wait for a fresh window rather than race its end. */
export function secondsLeftInWindow(now = Date.now()): number {
  return PERIOD_SECONDS - (Math.floor(now / 1000) % PERIOD_SECONDS);
}
