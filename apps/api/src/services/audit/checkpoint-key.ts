import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Config } from "../../env.js";

export interface CheckpointKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex of SHA-256 over the public key (SPKI DER): names the key in every checkpoint line. */
  keyId: string;
}

/**
 * The Ed25519 key that signs audit checkpoints, read from a PEM file kept outside the database.
 * Demo mode creates one in the data directory on first use; `create: false` never writes (verification).
 */
export async function loadCheckpointKey(
  config: Pick<Config, "auditCheckpoints">,
  options: { create: boolean },
): Promise<CheckpointKey | null> {
  const source = config.auditCheckpoints.signingKey;
  if (!source) return null;
  let pem: string;
  try {
    pem = await readFile(source.path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    if (!source.generateIfMissing || !options.create) return null;
    pem = await generateKeyFile(source.path);
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(`${source.path}: the audit signing key must be an Ed25519 private key (PEM)`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

async function generateKeyFile(path: string): Promise<string> {
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  await mkdir(dirname(path), { recursive: true });
  // "wx" fails if another process created it meanwhile; then use theirs.
  try {
    await writeFile(path, pem, { mode: 0o600, flag: "wx" });
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFile(path, "utf8");
  }
}
