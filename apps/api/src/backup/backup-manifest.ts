import { createHash, sign, verify } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Driver } from "@kuulo/db/client";
import { z } from "zod";
import type { CheckpointKey } from "../services/audit/checkpoint-key.js";
import { isBlobKey } from "../storage/index.js";

export const MANIFEST_FILE = "manifest.json";
export const SIGNATURE_FILE = "manifest.sig";
export const OBJECTS_DIR = "objects";
export const CHECKPOINTS_FILE = "audit-checkpoints.jsonl";
export const JOURNAL_FILE = "erasure-journal.jsonl";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const fileEntry = z.object({
  file: z.string().regex(/^[a-z0-9.-]+$/),
  size: z.number().int().min(0),
  sha256,
});

export const backupManifestSchema = z.object({
  format: z.literal("kuulo-backup"),
  version: z.literal(1),
  createdAt: z.string().datetime(),
  kuuloVersion: z.string(),
  database: fileEntry.extend({
    driver: z.enum(["pglite", "postgres"]),
    format: z.enum(["pg_dump-custom", "pglite-datadir"]),
    migrations: z.number().int().min(0),
  }),
  /** Stored (encrypted) objects, each copied into objects/<key>; checksums are over the ciphertext. */
  objects: z.array(
    z.object({
      key: z.string().refine(isBlobKey, "not a storage key"),
      size: z.number().int().min(0),
      sha256,
    }),
  ),
  /** Master key ids that wrapped the data keys in this dump: they must be configured to restore. */
  masterKeyIds: z.array(z.string()),
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string() }),
  auditCheckpoints: fileEntry.nullable(),
  erasureJournal: fileEntry.nullable(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

const signatureSchema = z.object({ keyId: z.string(), signature: z.string() });

export function kuuloVersion(): string {
  // src/backup and dist/backup are both two levels below the package root.
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "unknown";
}

export async function fileDigest(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest("hex") };
}

/** Writes manifest.json and manifest.sig (Ed25519 by the audit signing key over the manifest's bytes). */
export async function writeSignedManifest(dir: string, manifest: BackupManifest, key: CheckpointKey) {
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, "utf8");
  await writeFile(join(dir, MANIFEST_FILE), bytes, { mode: 0o600, flag: "wx" });
  const signature = { keyId: key.keyId, signature: sign(null, bytes, key.privateKey).toString("base64") };
  await writeFile(join(dir, SIGNATURE_FILE), `${JSON.stringify(signature)}\n`, { mode: 0o600, flag: "wx" });
}

export class BackupError extends Error {
  override name = "BackupError";
}

/** Reads the manifest and refuses it unless the configured audit signing key signed exactly these bytes. */
export async function readSignedManifest(
  dir: string,
  key: CheckpointKey | null,
): Promise<BackupManifest & { driver: Driver }> {
  const bytes = await readFile(join(dir, MANIFEST_FILE)).catch(() => {
    throw new BackupError(`${dir} holds no ${MANIFEST_FILE}: not a Kuulo backup`);
  });
  const parsedSignature = signatureSchema.safeParse(
    JSON.parse(await readFile(join(dir, SIGNATURE_FILE), "utf8").catch(() => "null")),
  );
  if (!parsedSignature.success) throw new BackupError(`${SIGNATURE_FILE} is missing or malformed`);
  if (!key) {
    throw new BackupError(
      `the backup is signed by audit signing key ${parsedSignature.data.keyId}: put the escrowed key in place and set KUULO_AUDIT_SIGNING_KEY_FILE`,
    );
  }
  if (parsedSignature.data.keyId !== key.keyId) {
    throw new BackupError(
      `the backup is signed by audit signing key ${parsedSignature.data.keyId}, the configured key is ${key.keyId}`,
    );
  }
  if (!verify(null, bytes, key.publicKey, Buffer.from(parsedSignature.data.signature, "base64"))) {
    throw new BackupError(`${MANIFEST_FILE} does not match its signature: the backup was altered`);
  }
  const manifest = backupManifestSchema.parse(JSON.parse(bytes.toString("utf8")));
  return { ...manifest, driver: manifest.database.driver };
}
