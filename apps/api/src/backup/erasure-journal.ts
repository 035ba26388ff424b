import { sign, verify } from "node:crypto";
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { canonicalJson } from "@kuulo/db/audit";
import type { Config } from "../env.js";
import { type CheckpointKey, loadCheckpointKey } from "../services/audit/checkpoint-key.js";

/** A recording purged (retention) or erased (Art. 17), or a closed case's export package crypto-erased. */
export type ErasureReason = "retention" | "erasure" | "case_closed";
export type ErasureTarget = "recording" | "export_package";

/** What one purge, erasure or case closing leaves outside the database: ids and dates only, no personal data. */
export interface ErasureEntry {
  target: ErasureTarget;
  /** The recording's or export package's id. */
  id: string;
  /** Server-generated object key (`rec/<uuid>`, `exports/<uuid>`), so a replay can delete a restored object. */
  storageKey: string;
  reason: ErasureReason;
  /** ISO 8601 UTC. */
  erasedAt: string;
}

export interface SignedErasureEntry extends ErasureEntry {
  v: 1;
  keyId: string;
  /** base64 Ed25519 over canonical JSON of { v, target, id, storageKey, reason, erasedAt }. */
  signature: string;
}

/**
 * The erasure journal (R13, GDPR Art. 17): every purge and erasure appends one signed line to a file kept
 * outside the database, beside the audit checkpoints. Restoring an older backup brings the rows and
 * wrapped keys back; replaying the journal destroys them again.
 */
export interface ErasureJournal {
  readonly file: string;
  append(entry: ErasureEntry): Promise<void>;
}

export type JournalConfig = Pick<Config, "auditCheckpoints" | "erasureJournal">;

function entryMessage(entry: ErasureEntry): Buffer {
  return Buffer.from(
    canonicalJson({
      v: 1,
      target: entry.target,
      id: entry.id,
      storageKey: entry.storageKey,
      reason: entry.reason,
      erasedAt: entry.erasedAt,
    }),
    "utf8",
  );
}

export function signErasureEntry(entry: ErasureEntry, key: CheckpointKey): SignedErasureEntry {
  return {
    v: 1,
    target: entry.target,
    id: entry.id,
    storageKey: entry.storageKey,
    reason: entry.reason,
    erasedAt: entry.erasedAt,
    keyId: key.keyId,
    signature: sign(null, entryMessage(entry), key.privateKey).toString("base64"),
  };
}

/** Appends with O_APPEND and one write per line, then datasync, so concurrent writers never interleave. */
export async function appendJournalLines(file: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, "a", 0o640);
  try {
    await handle.write(lines.map((line) => `${line}\n`).join(""));
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Journal bound to the configuration's signing key; without a key an erasure fails rather than go unjournaled. */
export function createErasureJournal(config: JournalConfig): ErasureJournal {
  let key: Promise<CheckpointKey | null> | undefined;
  const file = config.erasureJournal.file;
  return {
    file,
    async append(entry) {
      key ??= loadCheckpointKey(config, { create: true });
      const signingKey = await key;
      if (!signingKey) {
        key = undefined;
        throw new Error(
          "KUULO_AUDIT_SIGNING_KEY_FILE: required to sign the erasure journal; nothing was erased",
        );
      }
      await appendJournalLines(file, [JSON.stringify(signErasureEntry(entry, signingKey))]);
    },
  };
}

export type JournalLineProblem = "malformed" | "unknown_key" | "bad_signature";

export interface ReadJournal {
  entries: SignedErasureEntry[];
  /** Lines that are not a valid entry signed by the configured key: never acted on. */
  rejected: { line: number; problem: JournalLineProblem }[];
  /** Every complete line as written (for merging journals without duplicates). */
  rawLines: string[];
}

/** Reads and verifies a journal file; a missing file is an empty journal; a torn last line is ignored. */
export async function readErasureJournal(file: string, key: CheckpointKey | null): Promise<ReadJournal> {
  let content: string;
  try {
    content = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      return { entries: [], rejected: [], rawLines: [] };
    throw error;
  }
  const parts = content.split("\n");
  parts.pop();
  const result: ReadJournal = { entries: [], rejected: [], rawLines: [] };
  for (const [index, text] of parts.entries()) {
    if (text.trim() === "") continue;
    result.rawLines.push(text);
    const entry = parseEntry(text);
    if (!entry) result.rejected.push({ line: index + 1, problem: "malformed" });
    else if (!key || entry.keyId !== key.keyId)
      result.rejected.push({ line: index + 1, problem: "unknown_key" });
    else if (!verify(null, entryMessage(entry), key.publicKey, Buffer.from(entry.signature, "base64")))
      result.rejected.push({ line: index + 1, problem: "bad_signature" });
    else result.entries.push(entry);
  }
  return result;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseEntry(text: string): SignedErasureEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  const { v, target, id, storageKey, reason, erasedAt, keyId, signature } = value as Record<string, unknown>;
  if (v !== 1 || typeof id !== "string" || !UUID.test(id)) return null;
  if (target !== "recording" && target !== "export_package") return null;
  if (typeof storageKey !== "string" || !/^[a-z0-9/-]{1,512}$/.test(storageKey)) return null;
  if (reason !== "retention" && reason !== "erasure" && reason !== "case_closed") return null;
  if (typeof erasedAt !== "string" || Number.isNaN(Date.parse(erasedAt))) return null;
  if (typeof keyId !== "string" || typeof signature !== "string") return null;
  return { v, target, id, storageKey, reason, erasedAt, keyId, signature };
}
