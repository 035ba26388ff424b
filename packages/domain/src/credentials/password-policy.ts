/**
 * NIST SP 800-63B-4 / ASVS 5.0 §6.2 password policy: length and blocklists only, no composition
 * rules, no expiry. 15 characters because the password is the only factor for most users.
 */
export const PASSWORD_POLICY = {
  minLength: 15,
  /** Accept long passphrases, refuse absurd input before it reaches the hash function. */
  maxBytes: 1024,
  /** Words that make a password guessable in this deployment (company, product). */
  contextWords: ["kuulo", "kespro"],
  /** Context words shorter than this (e.g. a 2-letter first name) would refuse too much. */
  minContextWordLength: 3,
  compositionRules: false,
  periodicExpiry: false,
} as const;

export const PASSWORD_REFUSAL_REASONS = ["too_short", "too_long", "common", "context", "repetitive"] as const;
export type PasswordRefusalReason = (typeof PASSWORD_REFUSAL_REASONS)[number];

export interface PasswordContext {
  username?: string;
  firstName?: string;
  lastName?: string;
}

export type PasswordCheckResult =
  | { ok: true }
  | { ok: false; reason: PasswordRefusalReason; message: string };
