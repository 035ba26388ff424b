import {
  MAX_RECORDINGS_PER_TRAINING_DISCLOSURE,
  parseTrainingDisclosureInput,
} from "@kuulo/domain/disclosure";
import { DomainError } from "@kuulo/domain/errors";
import type { AuthedContext } from "../shared/service-context.js";
import { type DisclosureView, toDisclosureView } from "./disclosure-view.js";
import { ensureExternalTrainerAccount } from "./external-trainer-account.js";
import { initialStatus, insertDisclosure } from "./insert-disclosure.js";
import { loadSelectedRecordings, recordingIdsOfPlaylist } from "./load-disclosed-recordings.js";

export interface CreateTrainingResult {
  disclosure: DisclosureView;
  externalUser: { id: string; username: string; created: boolean };
  /** One-time set-password link for the trainer (shown once), or null when their password is set. */
  setPasswordToken: string | null;
  setPasswordExpiresAt: string | null;
}

/**
 * Training disclosure under NDA (R6a, register item 7): an external trainer in an EU/EEA country (R7)
 * may stream exactly these recordings inside [validFrom, validUntil), never download them.
 */
export async function createTrainingDisclosure({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: unknown;
}): Promise<CreateTrainingResult> {
  const now = ctx.clock.now();
  const parsed = parseTrainingDisclosureInput(input, now);
  const recordingIds = parsed.playlistId
    ? await recordingIdsOfPlaylist(ctx, ctx.db, parsed.playlistId, "disclosure.create")
    : (parsed.recordingIds ?? []);
  if (recordingIds.length > MAX_RECORDINGS_PER_TRAINING_DISCLOSURE) {
    throw new DomainError(
      "VALIDATION",
      `Field "playlistId" names more than ${MAX_RECORDINGS_PER_TRAINING_DISCLOSURE} recordings (R6)`,
      { field: "playlistId", rule: "R6", reason: "disclosure.too_many_recordings" },
    );
  }
  await loadSelectedRecordings(ctx, ctx.db, recordingIds, "disclosure.create");
  const status = initialStatus("training", ctx.config.fourEyes.training, ctx.auth.user.id);
  const { row, account } = await ctx.db.transaction(async (tx) => {
    const account = await ensureExternalTrainerAccount(tx, ctx, parsed);
    const row = await insertDisclosure(tx, ctx, {
      kind: "training",
      status,
      fields: {
        recipientName: parsed.recipientName,
        recipientOrganisation: parsed.recipientOrganisation,
        recipientEmail: parsed.recipientEmail,
        ndaReference: parsed.ndaReference,
        ndaSignedOn: parsed.ndaSignedOn,
        purpose: parsed.purpose,
        audienceAttestation: true,
        ...(parsed.playlistId ? { playlistId: parsed.playlistId } : {}),
      },
      recipientCountry: parsed.recipientCountry,
      validFrom: parsed.validFrom,
      validUntil: parsed.validUntil,
      externalUserId: account.userId,
      recordingIds,
      auditDetails: {
        ndaReference: parsed.ndaReference,
        externalUserId: account.userId,
        validFrom: parsed.validFrom.toISOString(),
        validUntil: parsed.validUntil.toISOString(),
      },
    });
    return { row, account };
  });
  return {
    disclosure: await toDisclosureView(ctx.db, row, now),
    externalUser: { id: account.userId, username: account.username, created: account.created },
    setPasswordToken: account.passwordLink?.token ?? null,
    setPasswordExpiresAt: account.passwordLink?.expiresAt.toISOString() ?? null,
  };
}
