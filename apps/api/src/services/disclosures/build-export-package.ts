import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@kuulo/db/client";
import { disclosureRecordings, disclosures, exportPackages, recordings, users } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { eq, inArray } from "drizzle-orm";
import { hashToken } from "../../auth/session-token.js";
import type { EncryptedBlobStore } from "../../storage/index.js";
import type { Clock } from "../shared/service-context.js";
import { writeTar } from "./tar-writer.js";

/** Export packages live beside recordings (`rec/`) in the blob store; `storage reconcile` sweeps both. */
export const EXPORT_KEY_PREFIX = "exports/";

export const EXPORT_MANIFEST_FORMAT = "kuulo-export/1";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function extensionOf(storedFormat: string): string {
  if (/webm/i.test(storedFormat)) return "webm";
  if (/ogg|opus/i.test(storedFormat)) return "ogg";
  return "audio";
}

/**
 * Builds the ONE export package of a statutory or access-request disclosure (R6b/c): a tar with
 * manifest.json (the disclosure record; per file: recording, call time, duration, formats, SHA-256) and
 * each recording's decrypted stored audio. The package is stored encrypted; its SHA-256 goes to
 * export_packages. Idempotent: an existing package is returned unchanged.
 */
export async function buildExportPackage(
  deps: { db: Database; clock: Clock },
  store: EncryptedBlobStore,
  disclosureId: string,
): Promise<{ id: string; sha256: string; sizeBytes: number; created: boolean }> {
  const [existing] = await deps.db
    .select()
    .from(exportPackages)
    .where(eq(exportPackages.disclosureId, disclosureId));
  if (existing)
    return { id: existing.id, sha256: existing.sha256, sizeBytes: existing.sizeBytes, created: false };
  const [disclosure] = await deps.db.select().from(disclosures).where(eq(disclosures.id, disclosureId));
  if (!disclosure || disclosure.kind === "training") {
    throw new DomainError(
      "CONFLICT",
      "Only statutory and access-request disclosures have an export package",
      {
        rule: "R6",
        reason: "disclosure.no_export",
      },
    );
  }
  const rows = await deps.db
    .select({ recording: recordings })
    .from(disclosureRecordings)
    .innerJoin(recordings, eq(recordings.id, disclosureRecordings.recordingId))
    .where(eq(disclosureRecordings.disclosureId, disclosureId))
    .orderBy(recordings.callStartedAt, recordings.id);
  const people = await deps.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(
        users.id,
        [disclosure.preparedBy, disclosure.approvedBy, "00000000-0000-0000-0000-000000000000"].filter(
          (id): id is string => id !== null,
        ),
      ),
    );
  const username = (id: string | null) => people.find((person) => person.id === id)?.username ?? null;
  const now = deps.clock.now();

  const files: { name: string; data: Uint8Array }[] = [];
  const manifestFiles: Record<string, unknown>[] = [];
  for (const { recording } of rows) {
    if (!recording.wrappedDataKey) {
      throw new DomainError("CONFLICT", `Recording ${recording.id} has been erased and cannot be exported`, {
        rule: "R6",
        reason: "recording.erased",
      });
    }
    const size = await store.plaintextSize(recording.storageKey);
    const audio =
      size === 0
        ? new Uint8Array()
        : await store.getPlaintextRange(recording.storageKey, recording.wrappedDataKey, 0, size - 1);
    const path = `recordings/${recording.id}.${extensionOf(recording.storedFormat)}`;
    files.push({ name: path, data: audio });
    manifestFiles.push({
      path,
      recordingId: recording.id,
      callStartedAt: recording.callStartedAt.toISOString(),
      durationMs: recording.durationMs,
      format: recording.storedFormat,
      originalFormat: recording.originalFormat,
      originalSha256: recording.originalSha256,
      sizeBytes: audio.length,
      sha256: sha256(audio),
    });
  }
  const manifest = {
    format: EXPORT_MANIFEST_FORMAT,
    generatedAt: now.toISOString(),
    note: "Audio is the stored copy (WebM/Opus); originalFormat and originalSha256 describe the file received from the call recording system.",
    disclosure: {
      id: disclosure.id,
      kind: disclosure.kind,
      ...disclosure.fields,
      recipientCountry: disclosure.recipientCountry,
      createdAt: disclosure.createdAt.toISOString(),
      preparedBy: username(disclosure.preparedBy),
      approvedBy: username(disclosure.approvedBy),
      approvedAt: disclosure.approvedAt?.toISOString() ?? null,
    },
    files: manifestFiles,
  };
  const tar = writeTar(
    [{ name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }, ...files],
    now,
  );
  const digest = sha256(tar);
  // A random name per build, so a lost race never overwrites the package that won.
  const storageKey = `${EXPORT_KEY_PREFIX}${disclosureId}/${randomBytes(8).toString("hex")}`;
  const put = await store.putEncrypted(storageKey, tar);
  // No link yet: the stored token hash matches no token anyone holds, and it is already expired.
  const [created] = await deps.db
    .insert(exportPackages)
    .values({
      disclosureId,
      storageKey,
      wrappedDataKey: put.wrappedKey,
      keyId: put.keyId,
      sha256: digest,
      sizeBytes: tar.length,
      downloadTokenHash: hashToken(randomBytes(32).toString("hex")),
      createdAt: now,
      expiresAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return { id: created.id, sha256: created.sha256, sizeBytes: created.sizeBytes, created: true };
  const [raced] = await deps.db
    .select()
    .from(exportPackages)
    .where(eq(exportPackages.disclosureId, disclosureId));
  if (!raced) throw new Error("export package vanished");
  return { id: raced.id, sha256: raced.sha256, sizeBytes: raced.sizeBytes, created: false };
}
