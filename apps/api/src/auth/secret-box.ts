import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * AES-256-GCM under a key derived from the master key for one purpose, so a TOTP secret box can
 * never be opened as anything else. Format: base64(nonce ‖ ciphertext ‖ tag).
 */
function purposeKey(masterKey: Uint8Array, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, new Uint8Array(0), `kuulo:${purpose}`, 32));
}

export function sealSecret(masterKey: Uint8Array, purpose: string, plaintext: Uint8Array): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", purposeKey(masterKey, purpose), nonce);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64");
}

export function openSecret(masterKey: Uint8Array, purpose: string, sealed: string): Uint8Array {
  const bytes = Buffer.from(sealed, "base64");
  if (bytes.length < 12 + 16) throw new Error("sealed secret is truncated");
  const decipher = createDecipheriv("aes-256-gcm", purposeKey(masterKey, purpose), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return new Uint8Array(
    Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]),
  );
}
