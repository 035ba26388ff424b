import { parseAccessRequestInput } from "@kuulo/domain/disclosure";
import { DomainError } from "@kuulo/domain/errors";
import { placeHolds } from "../legal-holds/hold-recordings.js";
import type { AuthedContext } from "../shared/service-context.js";
import { activateExport } from "./activate-export.js";
import { exportRecipientCountry, splitRecipientCountry } from "./create-statutory.js";
import { type DisclosureView, toDisclosureView } from "./disclosure-view.js";
import { initialStatus, insertDisclosure } from "./insert-disclosure.js";
import { loadSelectedRecordings } from "./load-disclosed-recordings.js";

/**
 * Data-subject access request (GDPR Art. 15, R6c), fulfilled like a statutory disclosure: held while
 * open, four-eyes when configured, one export package. The requester's name is stored on the
 * disclosure (needed to answer) but never written to the append-only audit log; the identity note
 * passes the domain's free-text guard (no identity codes, phone numbers, e-mails or customer numbers).
 */
export async function createAccessRequest({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: unknown;
}): Promise<{ disclosure: DisclosureView }> {
  const { rest, country } = splitRecipientCountry(input);
  const parsed = parseAccessRequestInput(rest);
  const recipientCountry = exportRecipientCountry(country);
  const selected = await loadSelectedRecordings(ctx, ctx.db, parsed.recordingIds, "disclosure.create");
  for (const [index, recording] of selected.entries()) {
    const at = recording.callStartedAt.getTime();
    if (at < parsed.window.from.getTime() || at > parsed.window.to.getTime()) {
      throw new DomainError(
        "VALIDATION",
        `Field "recordingIds.${index}" is outside the requested time window (R6)`,
        {
          field: `recordingIds.${index}`,
          rule: "R6",
          reason: "disclosure.outside_window",
        },
      );
    }
  }
  const status = initialStatus("access_request", ctx.config.fourEyes.accessRequest, ctx.auth.user.id);
  const row = await ctx.db.transaction(async (tx) => {
    const row = await insertDisclosure(tx, ctx, {
      kind: "access_request",
      status,
      fields: {
        requesterName: parsed.requesterName,
        identityVerification: parsed.identityVerification,
        window: { from: parsed.window.from.toISOString(), to: parsed.window.to.toISOString() },
        ...(parsed.staffMemberId ? { staffMemberId: parsed.staffMemberId } : {}),
      },
      recipientCountry,
      recordingIds: parsed.recordingIds,
      auditDetails: { identityVerificationMethod: parsed.identityVerification.method },
    });
    await placeHolds(tx, ctx, {
      recordingIds: parsed.recordingIds,
      disclosureId: row.id,
      reason: "Data subject access request",
      by: ctx.auth.user.id,
    });
    return row;
  });
  if (status === "active") await activateExport(ctx, row.id);
  return { disclosure: await toDisclosureView(ctx.db, row, ctx.clock.now()) };
}
