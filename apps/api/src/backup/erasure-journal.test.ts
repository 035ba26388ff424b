import { generateKeyPairSync } from "node:crypto";
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCheckpointKey } from "../services/audit/checkpoint-key.js";
import { createErasureJournal, readErasureJournal } from "./erasure-journal.js";

const ENTRY = {
  target: "recording" as const,
  id: "0f3c2b1a-1111-4222-8333-444455556666",
  storageKey: "rec/0f3c2b1a-1111-4222-8333-444455556666",
  reason: "erasure" as const,
  erasedAt: "2026-12-06T10:14:00.000Z",
};

describe("erasure journal", () => {
  let dir: string;
  const config = () => ({
    auditCheckpoints: {
      signingKey: { path: join(dir, "signing.pem"), generateIfMissing: false },
      file: join(dir, "checkpoints.jsonl"),
      intervalMinutes: 0,
      maxMergeDelayMs: 5000,
      sequencer: false,
    },
    erasureJournal: { file: join(dir, "journal.jsonl") },
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kuulo-journal-"));
    const { privateKey } = generateKeyPairSync("ed25519");
    await writeFile(join(dir, "signing.pem"), privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("appends signed lines holding ids, key, reason and date only, and reads them back verified", async () => {
    const journal = createErasureJournal(config());
    await journal.append(ENTRY);
    await journal.append({ ...ENTRY, reason: "retention" });
    const text = await readFile(journal.file, "utf8");
    for (const line of text.trim().split("\n")) {
      expect(Object.keys(JSON.parse(line)).sort()).toEqual(
        ["erasedAt", "id", "keyId", "reason", "signature", "storageKey", "target", "v"].sort(),
      );
    }
    const read = await readErasureJournal(journal.file, await loadCheckpointKey(config(), { create: false }));
    expect(read.entries.map((entry) => entry.reason)).toEqual(["erasure", "retention"]);
    expect(read.rejected).toEqual([]);
  });

  it("rejects edited, malformed and foreign-key lines and ignores a torn last line", async () => {
    const file = config().erasureJournal.file;
    const [first] = (await readFile(file, "utf8")).trim().split("\n");
    const signed = JSON.parse(first as string);
    await appendFile(file, `${JSON.stringify({ ...signed, erasedAt: "2020-01-01T00:00:00.000Z" })}\n`);
    await appendFile(file, "not json\n");
    await appendFile(file, `${JSON.stringify({ ...signed, keyId: "0000000000000000" })}\n`);
    await appendFile(file, `${JSON.stringify(signed).slice(0, 40)}`);
    const read = await readErasureJournal(file, await loadCheckpointKey(config(), { create: false }));
    expect(read.entries).toHaveLength(2);
    expect(read.rejected).toEqual([
      { line: 3, problem: "bad_signature" },
      { line: 4, problem: "malformed" },
      { line: 5, problem: "unknown_key" },
    ]);
  });

  it("refuses to journal (and so to erase) without a signing key", async () => {
    const journal = createErasureJournal({
      ...config(),
      auditCheckpoints: { ...config().auditCheckpoints, signingKey: undefined },
      erasureJournal: { file: join(dir, "unsigned.jsonl") },
    });
    await expect(journal.append(ENTRY)).rejects.toThrow(/KUULO_AUDIT_SIGNING_KEY_FILE/);
  });
});
