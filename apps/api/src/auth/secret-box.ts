import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/**
 * AES-256-GCM under a key derived from the master key for one purpose, so a TOTP secret box can
 * never be opened as anything else. Sealed format: `v2.<master key id>.<base64(nonce ‖ ciphertext ‖ tag)>`
 * with the key id and purpose bound as AAD; the original format (bare base64, no key id) is still read.
 * Opening tries the key the box names among the current and the previous master keys (rotation).
 */
function purposeKey(masterKey: Uint8Array, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, new Uint8Array(0), `kuulo:${purpose}`, 32));
}

const VERSION = "v2";

/** Same id as the recordings keyring (recording-storage.ts masterKeyId), so one rotation names one key. */
export function secretKeyId(masterKey: Uint8Array): string {
  return `mk-${createHash("sha256").update("kuulo/master-key-id/v1").update(masterKey).digest("hex").slice(0, 16)}`;
}

// Retired master keys known for a current key, registered once at start (buildApp / CLI) from
// KUULO_PREVIOUS_MASTER_KEYS; keyed by the key object so tests with other keys never see them.
const previousKeysOf = new WeakMap<Uint8Array, Uint8Array[]>();

export function registerPreviousMasterKeys(masterKey: Uint8Array, previousBase64: readonly string[]): void {
  previousKeysOf.set(
    masterKey,
    previousBase64.map((base64) => new Uint8Array(Buffer.from(base64, "base64"))),
  );
}

export function sealSecret(masterKey: Uint8Array, purpose: string, plaintext: Uint8Array): string {
  const keyId = secretKeyId(masterKey);
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", purposeKey(masterKey, purpose), nonce);
  cipher.setAAD(Buffer.from(`kuulo:${purpose}:${keyId}`));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${VERSION}.${keyId}.${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64")}`;
}

/** Which master key sealed the box; null for the original format (sealed before key ids). */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(".");
  return parts.length === 3 && parts[0] === VERSION ? (parts[1] ?? null) : null;
}

export function openSecret(
  masterKey: Uint8Array,
  purpose: string,
  sealed: string,
  previousKeys: readonly Uint8Array[] = previousKeysOf.get(masterKey) ?? [],
): Uint8Array {
  const keys = [masterKey, ...previousKeys];
  const keyId = sealedKeyId(sealed);
  if (keyId !== null) {
    const key = keys.find((candidate) => secretKeyId(candidate) === keyId);
    if (!key) throw new Error(`sealed secret: master key ${keyId} is not configured`);
    return decrypt(
      key,
      purpose,
      sealed.slice(VERSION.length + keyId.length + 2),
      `kuulo:${purpose}:${keyId}`,
    );
  }
  // Original format: no key id, so try each known key; GCM authentication tells the right one.
  let lastError: unknown;
  for (const key of keys) {
    try {
      return decrypt(key, purpose, sealed, null);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function decrypt(masterKey: Uint8Array, purpose: string, base64: string, aad: string | null): Uint8Array {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length < 12 + 16) throw new Error("sealed secret is truncated");
  const decipher = createDecipheriv("aes-256-gcm", purposeKey(masterKey, purpose), bytes.subarray(0, 12));
  if (aad !== null) decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return new Uint8Array(
    Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]),
  );
}
