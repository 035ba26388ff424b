import { COMMON_PASSWORDS } from "./common-passwords.js";
import {
  PASSWORD_POLICY,
  type PasswordCheckResult,
  type PasswordContext,
  type PasswordRefusalReason,
} from "./password-policy.js";

const MESSAGES: Record<PasswordRefusalReason, string> = {
  too_short: `Use at least ${PASSWORD_POLICY.minLength} characters; a passphrase of several words is easiest.`,
  too_long: `Use at most ${PASSWORD_POLICY.maxBytes} bytes.`,
  common: "This password is on a list of commonly used passwords; choose another.",
  context: "The password must not contain your name, username or the company or product name.",
  repetitive: "The password is a repeated character, a repeated short pattern or a simple sequence.",
};

const refuse = (reason: PasswordRefusalReason): PasswordCheckResult => ({
  ok: false,
  reason,
  message: MESSAGES[reason],
});

/** UTF-8 byte length without TextEncoder, which the ES-only lib (no DOM, no Node types) lacks. */
const utf8Length = (value: string): number => {
  let bytes = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
};

/** Letters only, so "Password123!" and "p.a.s.s.w.o.r.d" both reduce to "password". */
const lettersOnly = (value: string): string => value.toLowerCase().replace(/[^\p{L}]/gu, "");

const LEET: Readonly<Record<string, string>> = {
  "@": "a",
  "4": "a",
  "3": "e",
  "1": "i",
  "!": "i",
  "0": "o",
  $: "s",
  "5": "s",
  "7": "t",
};

/** "P@ssw0rd!!2024!!" → "password": undo look-alike substitutions inside, drop padding around. */
const unLeet = (value: string): string =>
  lettersOnly(
    value
      .toLowerCase()
      .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "")
      .replace(/[@43!10$57]/g, (char) => LEET[char] ?? char),
  );

/** "passwordpassword" is no stronger than "password". */
const halves = (value: string): string[] =>
  value.length % 2 === 0 && value.slice(0, value.length / 2) === value.slice(value.length / 2)
    ? [value, value.slice(0, value.length / 2)]
    : [value];

const isCommon = (password: string): boolean =>
  [password.toLowerCase(), lettersOnly(password), unLeet(password)]
    .flatMap(halves)
    .some((candidate) => COMMON_PASSWORDS.has(candidate));

const isRepetitive = (value: string): boolean => {
  const chars = [...value.toLowerCase()];
  if (new Set(chars).size <= 2) return true;
  for (let unit = 1; unit <= 4; unit++) {
    const pattern = chars.slice(0, unit).join("");
    if (pattern.repeat(Math.ceil(chars.length / unit)).startsWith(chars.join(""))) return true;
  }
  const codes = chars.map((char) => char.codePointAt(0) ?? 0);
  const steps = codes.slice(1).map((code, index) => code - (codes[index] ?? 0));
  const sequential = (step: number) => steps.every((delta) => delta === step || delta === step * -9);
  // "1234567890123456" wraps 9→0 (a step of -9); plain runs step by +1 or -1.
  return steps.length > 0 && (sequential(1) || sequential(-1));
};

const contextWords = (context: PasswordContext): string[] =>
  [context.username, context.firstName, context.lastName, ...PASSWORD_POLICY.contextWords]
    .filter((word): word is string => typeof word === "string")
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word.length >= PASSWORD_POLICY.minContextWordLength);

/** Checks a new password against the policy. Never logs or returns the password. */
export const checkPassword = (password: string, context: PasswordContext = {}): PasswordCheckResult => {
  if (typeof password !== "string") return refuse("too_short");
  if (utf8Length(password) > PASSWORD_POLICY.maxBytes) return refuse("too_long");
  if ([...password].length < PASSWORD_POLICY.minLength) return refuse("too_short");
  const lower = password.toLowerCase();
  const stripped = lettersOnly(password);
  if (isCommon(password)) return refuse("common");
  const hasContextWord = (word: string) => {
    const wordLetters = lettersOnly(word);
    return (
      lower.includes(word) ||
      (wordLetters.length >= PASSWORD_POLICY.minContextWordLength && stripped.includes(wordLetters))
    );
  };
  if (contextWords(context).some(hasContextWord)) {
    return refuse("context");
  }
  if (isRepetitive(password)) return refuse("repetitive");
  return { ok: true };
};
