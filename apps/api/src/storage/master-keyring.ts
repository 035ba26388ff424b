import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { DomainError } from "@kuulo/domain/errors";

/** A 256-bit master key and its id, as configured (env var or key file, read by the caller). */
export interface MasterKeySpec {
  id: string;
  /** Standard base64 of exactly 32 bytes. */
  keyBase64: string;
}

const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const WRAP_VERSION = 1;
const WRAP_AAD = Buffer.from("kuulo/data-key/v1");

const keyError = (message: string, reason: string) =>
  new DomainError("VALIDATION", message, { field: "storage.masterKey", reason });

const integrityError = (message: string, cause?: unknown) =>
  new DomainError("INTERNAL", message, { reason: "storage.integrity", ...(cause ? { cause } : {}) });

/** Generates a new master key for configuration (`openssl rand -base64 32` is equivalent). */
export const generateMasterKeyBase64 = (): string => randomBytes(32).toString("base64");

/**
 * Master keys never stored in the database. Data keys are wrapped with the current key and unwrapped
 * with whichever key id the wrapped blob names, so old keys can be kept for reading during rotation.
 * Wrapped format: version(1) | idLength(1) | id | nonce(12) | AES-256-GCM(dataKey)(32) | tag(16).
 */
export class MasterKeyring {
  private readonly keys = new Map<string, Buffer>();

  private constructor(
    readonly currentKeyId: string,
    specs: MasterKeySpec[],
  ) {
    for (const spec of specs) {
      if (!KEY_ID_PATTERN.test(spec.id))
        throw keyError(`Master key id ${JSON.stringify(spec.id)} is invalid.`, "master_key.id");
      if (this.keys.has(spec.id))
        throw keyError(`Master key id ${spec.id} is configured twice.`, "master_key.id");
      const key = Buffer.from(spec.keyBase64, "base64");
      if (key.length !== 32 || key.toString("base64") !== spec.keyBase64.trim()) {
        throw keyError(`Master key ${spec.id} must be base64 of exactly 32 bytes.`, "master_key.length");
      }
      this.keys.set(spec.id, key);
    }
    if (!this.keys.has(currentKeyId))
      throw keyError("The current master key is missing.", "master_key.current");
  }

  /** `current` wraps new data keys; `previous` keys only unwrap (rotation). */
  static create(current: MasterKeySpec, previous: MasterKeySpec[] = []): MasterKeyring {
    return new MasterKeyring(current.id, [current, ...previous]);
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  wrap(dataKey: Uint8Array): Uint8Array {
    if (dataKey.length !== 32) throw new Error("Data keys are 32 bytes.");
    const id = Buffer.from(this.currentKeyId);
    const nonce = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.keys.get(this.currentKeyId)!, nonce);
    cipher.setAAD(Buffer.concat([WRAP_AAD, id]));
    const sealed = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
    return Buffer.concat([Buffer.from([WRAP_VERSION, id.length]), id, nonce, sealed]);
  }

  /** Which master key wrapped this data key. */
  static keyIdOf(wrapped: Uint8Array): string {
    if (wrapped.length < 2 || wrapped[0] !== WRAP_VERSION)
      throw integrityError("Wrapped data key has an unknown format.");
    return Buffer.from(wrapped.subarray(2, 2 + wrapped[1]!)).toString();
  }

  unwrap(wrapped: Uint8Array): Buffer {
    const id = MasterKeyring.keyIdOf(wrapped);
    const key = this.keys.get(id);
    if (!key) throw integrityError(`Master key ${id} is not configured; the data key cannot be unwrapped.`);
    const at = 2 + wrapped[1]!;
    if (wrapped.length !== at + 12 + 32 + 16) throw integrityError("Wrapped data key has the wrong length.");
    const decipher = createDecipheriv("aes-256-gcm", key, wrapped.subarray(at, at + 12));
    decipher.setAAD(Buffer.concat([WRAP_AAD, Buffer.from(id)]));
    decipher.setAuthTag(wrapped.subarray(at + 44));
    try {
      return Buffer.concat([decipher.update(wrapped.subarray(at + 12, at + 44)), decipher.final()]);
    } catch (error) {
      throw integrityError("Wrapped data key failed authentication (wrong master key or tampered).", error);
    }
  }
}

/** Rotation: unwraps with whichever key made it, wraps again with the keyring's current key. */
export function rewrapKey(
  wrapped: Uint8Array,
  keyring: MasterKeyring,
): { wrappedKey: Uint8Array; keyId: string } {
  const dataKey = keyring.unwrap(wrapped);
  try {
    return { wrappedKey: keyring.wrap(dataKey), keyId: keyring.currentKeyId };
  } finally {
    dataKey.fill(0);
  }
}
