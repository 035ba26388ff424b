import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from "@oslojs/otp";
import { generateSecretToken, hashToken } from "./session-token.js";

/** RFC 6238 defaults every authenticator app understands: SHA-1, 30 s, 6 digits. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
export const TOTP_ISSUER = "Kuulo";
export const TOTP_SEAL_PURPOSE = "totp-secret";

export function generateTotpKey(): Uint8Array {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return key;
}

export function totpUri(username: string, key: Uint8Array): string {
  return createTOTPKeyURI(TOTP_ISSUER, username, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** Base32 secret for manual entry when a QR code cannot be scanned. */
export function totpManualKey(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key);
}

function counterAt(now: Date): bigint {
  return BigInt(Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS));
}

/**
 * The time step the code belongs to, or null. Time comes from the injected clock; one step either
 * side tolerates clock drift. The caller refuses a step at or before the last one accepted (replay).
 */
export function matchTotpStep(key: Uint8Array, code: string, now: Date): number | null {
  const normalised = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(normalised)) return null;
  const counter = counterAt(now);
  let matched: bigint | null = null;
  for (const step of [-1n, 0n, 1n]) {
    // No early exit: every candidate is checked so timing does not reveal which step matched.
    if (verifyHOTP(key, counter + step, TOTP_DIGITS, normalised)) matched = counter + step;
  }
  return matched === null ? null : Number(matched);
}

export function totpCodeAt(key: Uint8Array, now: Date): string {
  return generateHOTP(key, counterAt(now), TOTP_DIGITS);
}

/** Ten single-use recovery codes, shown once; only their SHA-256 is stored. */
export function generateRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = generateSecretToken().slice(0, 16);
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12, 16)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return hashToken(
    code
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ""),
  );
}
