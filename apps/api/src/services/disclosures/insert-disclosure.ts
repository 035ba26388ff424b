import type { Transaction } from "@kuulo/db/client";
import { type Disclosure, disclosureRecordings, disclosures } from "@kuulo/db/schema";
import { type DisclosureKind, type DisclosureStatus, disclosureStateMachine } from "@kuulo/domain/disclosure";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";

export interface NewDisclosureFacts {
  kind: DisclosureKind;
  status: DisclosureStatus;
  fields: Record<string, unknown>;
  recipientCountry: string;
  validFrom?: Date | null;
  validUntil?: Date | null;
  externalUserId?: string | null;
  recordingIds: readonly string[];
  /** Audit details beyond the common ones (never audio, never the requester's identity note). */
  auditDetails: Record<string, unknown>;
}

/**
 * A new disclosure is a submitted draft (domain state machine) when four-eyes applies to its kind;
 * otherwise the preparing officer's own decision makes it active at once.
 */
export function initialStatus(kind: DisclosureKind, fourEyes: boolean, by: string): DisclosureStatus {
  if (!fourEyes) return "active";
  return disclosureStateMachine({ kind, status: "draft", createdBy: by }, { type: "submit", by });
}

/** Inserts the disclosure and its recordings and appends `disclosure.create`, in the caller's transaction. */
export async function insertDisclosure(
  tx: Transaction,
  ctx: AuthedContext,
  facts: NewDisclosureFacts,
): Promise<Disclosure> {
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(disclosures)
    .values({
      kind: facts.kind,
      status: facts.status,
      preparedBy: ctx.auth.user.id,
      fields: facts.fields,
      recipientCountry: facts.recipientCountry,
      validFrom: facts.validFrom ?? null,
      validUntil: facts.validUntil ?? null,
      externalUserId: facts.externalUserId ?? null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  if (facts.recordingIds.length > 0) {
    await tx
      .insert(disclosureRecordings)
      .values(facts.recordingIds.map((recordingId) => ({ disclosureId: row.id, recordingId })));
  }
  await audit(tx, ctx, {
    action: `disclosure.create`,
    outcome: "success",
    targetType: "disclosure",
    targetId: row.id,
    details: {
      kind: facts.kind,
      status: facts.status,
      recipientCountry: facts.recipientCountry,
      recordingIds: [...facts.recordingIds],
      ...facts.auditDetails,
    },
  });
  return row;
}
