import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { decide } from "@kuulo/domain/access";
import { DomainError } from "@kuulo/domain/errors";
import { parseRecordingMetadata } from "@kuulo/domain/recording";
import { findExistingIngest } from "./ingest-existing.js";
import { resolveIngestUnit, writeIngestRow } from "./ingest-row.js";
import type { IngestContext, IngestInput, IngestResult } from "./ingest-types.js";
import { RECORDING_KEY_PREFIX } from "./recording-storage.js";

class LostIngestRace extends Error {}

/** Hashes the file as a stream: a long call is never read into memory whole. */
async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export const audioTooLarge = (size: number, maxBytes: number) =>
  new DomainError("PAYLOAD_TOO_LARGE", `Audio is ${size} bytes; the limit is ${maxBytes} bytes`, {
    field: "audio",
    reason: "audio.too_large",
  });

/**
 * Brings one recording in (R5): validate the metadata (R3, R4), refuse replays with other content,
 * process the audio off-thread, write the encrypted object BEFORE the transaction, and delete it again
 * if the transaction fails, so no object without a row survives.
 */
export async function ingestRecording({
  ctx,
  input,
}: {
  ctx: IngestContext;
  input: IngestInput;
}): Promise<IngestResult> {
  const permission = ctx.actor.kind === "machine" ? "recording.ingest" : "recording.import";
  const decision = decide(ctx.actor, permission);
  if (!decision.allowed) {
    throw new DomainError("FORBIDDEN", `This credential lacks the ${permission} permission`, {
      rule: "R5",
      reason: "permission.missing",
    });
  }
  const metadata = parseRecordingMetadata(input.metadata);
  const key = { sourceSystem: ctx.ingest.sourceSystem, sourceRecordingId: metadata.sourceRecordingId };

  const size = (await stat(input.audioPath)).size;
  if (size > ctx.ingest.maxBytes) throw audioTooLarge(size, ctx.ingest.maxBytes);
  const originalSha256 = await sha256OfFile(input.audioPath);

  const existing = await findExistingIngest(ctx.db, key, originalSha256);
  if (existing) return existing;
  await resolveIngestUnit(ctx.db, metadata);

  // The worker streams the file from disk: memory does not grow with the call's length.
  const processed = await ctx.storage.pool.processAudio(
    { path: input.audioPath },
    {
      limits: { maxBytes: ctx.ingest.maxBytes, maxDurationMs: ctx.ingest.maxDurationMs },
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    },
  );
  if (processed.originalSha256 !== originalSha256) {
    throw new DomainError("CONFLICT", "The audio file changed while it was being ingested", {
      field: "audio",
      reason: "audio.changed",
    });
  }
  const storageKey = `${RECORDING_KEY_PREFIX}${randomUUID()}`;
  const stored = await ctx.storage.store.putEncrypted(storageKey, processed.stored.bytes);
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const written = await writeIngestRow(ctx, tx, {
        metadata,
        originalSizeBytes: size,
        processed,
        storageKey,
        stored,
      });
      // Roll back the staff upsert too: the concurrent winner's row stands, nothing else changes.
      if (written === null) throw new LostIngestRace();
      return written;
    });
  } catch (error) {
    await ctx.storage.store.deleteObject(storageKey);
    if (error instanceof LostIngestRace) {
      const replay = await findExistingIngest(ctx.db, key, originalSha256);
      if (replay) return replay;
    }
    throw error;
  }
  return {
    outcome: "created",
    id,
    sourceRecordingId: metadata.sourceRecordingId,
    durationMs: Math.round(processed.durationMs),
    sha256: originalSha256,
  };
}
