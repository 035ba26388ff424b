import { verify } from "node:crypto";
import { readFile } from "node:fs/promises";
import { GENESIS_HASH } from "@kuulo/db/audit";
import type { DbOrTx } from "@kuulo/db/client";
import { auditEvents } from "@kuulo/db/schema";
import { inArray } from "drizzle-orm";
import type { Config } from "../../env.js";
import { loadCheckpointKey } from "./checkpoint-key.js";
import { type AuditCheckpoint, checkpointMessage } from "./write-checkpoint.js";

export type CheckpointFailureReason =
  | "malformed"
  | "no_key"
  | "unknown_key"
  | "bad_signature"
  | "missing_row"
  | "hash_mismatch";

export interface AuditCheckpointVerification {
  ok: boolean;
  /** Checkpoints verified intact (signature valid and the chain still holds their seq + hash). */
  count: number;
  latest: { seq: number; at: string } | null;
  /** The first bad checkpoint; `line` is 1-based in the checkpoint file. */
  failure: { line: number; seq: number | null; reason: CheckpointFailureReason } | null;
}

const LOOKUP_BATCH = 500;

/**
 * Checks every checkpoint line: a valid Ed25519 signature by the configured key, and the row at its
 * seq still carrying its hash. A missing row means the tail was cut after the checkpoint was taken.
 */
export async function verifyAuditCheckpoints(
  db: DbOrTx,
  config: Pick<Config, "auditCheckpoints">,
): Promise<AuditCheckpointVerification> {
  const lines = await readLines(config.auditCheckpoints.file);
  const result: AuditCheckpointVerification = { ok: true, count: 0, latest: null, failure: null };
  if (lines.length === 0) return result;
  const fail = (line: number, seq: number | null, reason: CheckpointFailureReason) => ({
    ...result,
    ok: false,
    failure: { line, seq, reason },
  });
  const key = await loadCheckpointKey(config, { create: false });
  if (!key) return fail(1, null, "no_key");

  const parsed: { line: number; point: AuditCheckpoint }[] = [];
  for (const { line, text } of lines) {
    const point = parseCheckpoint(text);
    if (!point) return fail(line, null, "malformed");
    if (point.keyId !== key.keyId) return fail(line, point.seq, "unknown_key");
    const signature = Buffer.from(point.signature, "base64");
    if (!verify(null, checkpointMessage(point), key.publicKey, signature))
      return fail(line, point.seq, "bad_signature");
    parsed.push({ line, point });
  }

  for (let start = 0; start < parsed.length; start += LOOKUP_BATCH) {
    const batch = parsed.slice(start, start + LOOKUP_BATCH);
    const seqs = [...new Set(batch.map((entry) => entry.point.seq).filter((seq) => seq > 0))];
    const rows =
      seqs.length === 0
        ? []
        : await db
            .select({ seq: auditEvents.chainSeq, hash: auditEvents.hash })
            .from(auditEvents)
            .where(inArray(auditEvents.chainSeq, seqs));
    const hashOf = new Map(rows.map((row) => [row.seq, row.hash ?? undefined]));
    for (const { line, point } of batch) {
      const stored = point.seq === 0 ? GENESIS_HASH : hashOf.get(point.seq);
      if (stored === undefined) return fail(line, point.seq, "missing_row");
      if (stored !== point.hash) return fail(line, point.seq, "hash_mismatch");
      result.count += 1;
      if (!result.latest || point.seq >= result.latest.seq) result.latest = { seq: point.seq, at: point.at };
    }
  }
  return result;
}

async function readLines(file: string): Promise<{ line: number; text: string }[]> {
  let content: string;
  try {
    content = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const parts = content.split("\n");
  // The last part is "" after a complete final line, or a line torn by a crash mid-append: never signed data.
  parts.pop();
  return parts.map((text, index) => ({ line: index + 1, text })).filter((entry) => entry.text.trim() !== "");
}

function parseCheckpoint(text: string): AuditCheckpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  const { seq, hash, at, keyId, signature } = value as Record<string, unknown>;
  if (typeof seq !== "number" || !Number.isInteger(seq) || seq < 0) return null;
  if (typeof hash !== "string" || typeof at !== "string") return null;
  if (typeof keyId !== "string" || typeof signature !== "string") return null;
  return { seq, hash, at, keyId, signature };
}
