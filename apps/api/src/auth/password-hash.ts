import { hash, verify } from "@node-rs/argon2";
import type { PasswordHashParams } from "../env.js";

/** Anything longer is refused before hashing: argon2 on megabytes is a denial-of-service lever. */
export const MAX_PASSWORD_BYTES = 1024;

// @node-rs/argon2's Algorithm is a const enum (unusable with verbatimModuleSyntax); 2 = Argon2id.
const ARGON2ID = 2;

export function passwordTooLong(password: string): boolean {
  return Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES;
}

export function hashPassword(password: string, params: PasswordHashParams): Promise<string> {
  return hash(password, { ...params, algorithm: ARGON2ID });
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** True when the stored PHC string was made with other parameters than the configured ones. */
export function needsRehash(phc: string, params: PasswordHashParams): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(phc);
  if (!match) return true;
  return (
    Number(match[1]) !== params.memoryCost ||
    Number(match[2]) !== params.timeCost ||
    Number(match[3]) !== params.parallelism
  );
}

const dummyHashes = new Map<string, Promise<string>>();

/** A hash of a random password with the live parameters, so unknown users cost the same time. */
export function dummyHash(params: PasswordHashParams): Promise<string> {
  const key = `${params.memoryCost}:${params.timeCost}:${params.parallelism}`;
  let existing = dummyHashes.get(key);
  if (!existing) {
    const random = new Uint8Array(24);
    crypto.getRandomValues(random);
    existing = hashPassword(Buffer.from(random).toString("base64"), params);
    dummyHashes.set(key, existing);
  }
  return existing;
}
