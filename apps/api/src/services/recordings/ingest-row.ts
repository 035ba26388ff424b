import { appendAuditEvent } from "@kuulo/db/audit";
import type { DbOrTx, Transaction } from "@kuulo/db/client";
import { recordings, staffMembers, units } from "@kuulo/db/schema";
import { validationError } from "@kuulo/domain/errors";
import type { RecordingMetadata } from "@kuulo/domain/recording";
import { computeRetention } from "@kuulo/domain/retention";
import { eq } from "drizzle-orm";
import type { ProcessedAudio } from "../../media/index.js";
import type { EncryptedPutResult } from "../../storage/index.js";
import { loadRetentionPolicy } from "../retention/load-policy.js";
import type { IngestContext } from "./ingest-types.js";

/**
 * The unit a recording belongs to: the metadata's unitCode, or the known staff member's unit.
 * An unknown code, or a new staff member without one, is refused naming unitCode.
 */
export async function resolveIngestUnit(db: DbOrTx, metadata: RecordingMetadata): Promise<string> {
  if (metadata.unitCode !== undefined) {
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, metadata.unitCode));
    if (!unit) {
      throw validationError(
        "unitCode",
        `Unit "${metadata.unitCode}" is unknown; an administrator must create it first`,
        "R3",
        "metadata.unit_unknown",
      );
    }
    return unit.id;
  }
  const [staff] = await db
    .select({ unitId: staffMembers.unitId })
    .from(staffMembers)
    .where(eq(staffMembers.username, metadata.username.toLowerCase()));
  if (!staff?.unitId) {
    throw validationError(
      "unitCode",
      "unitCode is required: the staff member has no unit on record yet",
      "R3",
      "metadata.unit_missing",
    );
  }
  return staff.unitId;
}

export interface IngestRowInput {
  metadata: RecordingMetadata;
  originalSizeBytes: number;
  processed: ProcessedAudio;
  storageKey: string;
  stored: EncryptedPutResult;
}

/**
 * One transaction: upsert the staff member (R3 fields only), insert the recording and append the audit
 * row. Returns null when a concurrent ingest of the same source id won (the caller then replays).
 */
export async function writeIngestRow(
  ctx: IngestContext,
  tx: Transaction,
  input: IngestRowInput,
): Promise<string | null> {
  const { metadata, processed } = input;
  const now = ctx.clock.now();
  const unitId = await resolveIngestUnit(tx, metadata);
  const username = metadata.username.toLowerCase();
  const [staff] = await tx
    .insert(staffMembers)
    .values({
      firstName: metadata.firstName,
      lastName: metadata.lastName,
      username,
      phoneNumber: metadata.phoneNumber,
      unitId,
    })
    .onConflictDoUpdate({
      target: staffMembers.username,
      set: {
        firstName: metadata.firstName,
        lastName: metadata.lastName,
        phoneNumber: metadata.phoneNumber,
        ...(metadata.unitCode !== undefined ? { unitId } : {}),
        updatedAt: now,
      },
    })
    .returning({ id: staffMembers.id });
  if (!staff) throw new Error("staff member upsert returned nothing");

  const retention = computeRetention(
    { callStartedAt: metadata.callStartedAt, legalHold: false },
    (await loadRetentionPolicy(tx)).policy,
    now,
  );
  const [row] = await tx
    .insert(recordings)
    .values({
      sourceSystemId: ctx.ingest.sourceSystem,
      sourceRecordingId: metadata.sourceRecordingId,
      staffMemberId: staff.id,
      unitId,
      callStartedAt: metadata.callStartedAt,
      durationMs: Math.round(processed.durationMs),
      originalFormat: processed.format,
      originalSha256: processed.originalSha256,
      originalSizeBytes: input.originalSizeBytes,
      storedFormat: processed.stored.contentType,
      storedSizeBytes: input.stored.plaintextSize,
      storedSha256: processed.stored.sha256,
      storageKey: input.storageKey,
      wrappedDataKey: input.stored.wrappedKey,
      keyId: input.stored.keyId,
      peaks: processed.peaks.data,
      ingestedAt: now,
      retentionCategory: retention.category,
      purgeDueAt: retention.dueAt,
    })
    .onConflictDoNothing({ target: [recordings.sourceSystemId, recordings.sourceRecordingId] })
    .returning({ id: recordings.id });
  if (!row) return null;

  const importing = ctx.actor.kind === "system";
  await appendAuditEvent(tx, {
    actorType: ctx.actor.kind,
    actorId: ctx.actor.kind === "machine" ? ctx.actor.tokenId : ctx.actor.job,
    actorLabel: ctx.actorLabel,
    action: importing ? "recording.import" : "recording.ingest",
    targetType: "recording",
    targetId: row.id,
    outcome: "success",
    ip: ctx.ip,
    occurredAt: now,
    // Ids and technical facts only: names and phone numbers stay in their own tables (R3).
    details: {
      sourceSystem: ctx.ingest.sourceSystem,
      sourceRecordingId: metadata.sourceRecordingId,
      staffMemberId: staff.id,
      unitId,
      durationMs: Math.round(processed.durationMs),
      originalFormat: processed.format,
      originalSha256: processed.originalSha256,
      storedSizeBytes: input.stored.plaintextSize,
    },
  });
  return row.id;
}
