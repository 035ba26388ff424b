import { sign } from "node:crypto";
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { type AuditHead, auditHead, canonicalJson } from "@kuulo/db/audit";
import type { DbOrTx } from "@kuulo/db/client";
import type { Config } from "../../env.js";
import { loadCheckpointKey } from "./checkpoint-key.js";

/** One line of the checkpoint file: the chain head at `at`, signed with Ed25519 over canonical {seq, hash, at}. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  /** base64 */
  signature: string;
}

export function checkpointMessage(point: { seq: number; hash: string; at: string }): Buffer {
  return Buffer.from(canonicalJson({ seq: point.seq, hash: point.hash, at: point.at }), "utf8");
}

/**
 * Signs the current head and appends it to the checkpoint file outside the database (R14): a later
 * verification then notices rows removed from the tail, which the chain alone cannot show.
 */
export async function writeAuditCheckpoint(
  db: DbOrTx,
  config: Pick<Config, "auditCheckpoints">,
  now: Date,
  /** The head just linked by the audit sequencer; read from the database when omitted. */
  knownHead?: AuditHead,
): Promise<AuditCheckpoint> {
  const key = await loadCheckpointKey(config, { create: true });
  if (!key) throw new Error("KUULO_AUDIT_SIGNING_KEY_FILE: required to write audit checkpoints");
  const head = knownHead ?? (await auditHead(db));
  const unsigned = { seq: head.seq, hash: head.hash, at: now.toISOString() };
  const checkpoint: AuditCheckpoint = {
    ...unsigned,
    keyId: key.keyId,
    signature: sign(null, checkpointMessage(unsigned), key.privateKey).toString("base64"),
  };
  const file = config.auditCheckpoints.file;
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, "a", 0o640);
  try {
    await handle.write(`${JSON.stringify(checkpoint)}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return checkpoint;
}
