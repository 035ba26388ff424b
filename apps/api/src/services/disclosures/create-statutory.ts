import { parseStatutoryDisclosureInput } from "@kuulo/domain/disclosure";
import { DomainError } from "@kuulo/domain/errors";
import { isEuEea } from "@kuulo/domain/eu-eea";
import { placeHolds } from "../legal-holds/hold-recordings.js";
import type { AuthedContext } from "../shared/service-context.js";
import { activateExport } from "./activate-export.js";
import { type DisclosureView, toDisclosureView } from "./disclosure-view.js";
import { initialStatus, insertDisclosure } from "./insert-disclosure.js";
import { loadSelectedRecordings } from "./load-disclosed-recordings.js";

/** The authority's country: Finnish authorities by default; always inside the EU/EEA (R7). */
export function exportRecipientCountry(value: unknown): string {
  const country = typeof value === "string" ? value.trim().toUpperCase() : "FI";
  if (!isEuEea(country)) {
    throw new DomainError(
      "VALIDATION",
      'Field "recipientCountry" must be an EU/EEA country (ISO 3166-1 alpha-2): nothing leaves the EU/EEA (R7)',
      { field: "recipientCountry", rule: "R7", reason: "country.outside_eu_eea" },
    );
  }
  return country;
}

export function splitRecipientCountry(input: unknown): { rest: unknown; country: unknown } {
  if (typeof input !== "object" || input === null) return { rest: input, country: undefined };
  const { recipientCountry, ...rest } = input as Record<string, unknown>;
  return { rest, country: recipientCountry };
}

/**
 * Statutory disclosure (R6b, register item 9): an authority's request based on law. The recordings go
 * under legal hold at once; with four-eyes on (default) it waits for another privacy officer, otherwise
 * it is active now and its one export package is built.
 */
export async function createStatutoryDisclosure({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: unknown;
}): Promise<{ disclosure: DisclosureView }> {
  const { rest, country } = splitRecipientCountry(input);
  const parsed = parseStatutoryDisclosureInput(rest);
  const recipientCountry = exportRecipientCountry(country);
  await loadSelectedRecordings(ctx, ctx.db, parsed.recordingIds, "disclosure.create");
  const status = initialStatus("statutory", ctx.config.fourEyes.statutory, ctx.auth.user.id);
  const row = await ctx.db.transaction(async (tx) => {
    const row = await insertDisclosure(tx, ctx, {
      kind: "statutory",
      status,
      fields: {
        authority: parsed.authority,
        legalBasis: parsed.legalBasis,
        caseReference: parsed.caseReference,
      },
      recipientCountry,
      recordingIds: parsed.recordingIds,
      auditDetails: { authority: parsed.authority, caseReference: parsed.caseReference },
    });
    await placeHolds(tx, ctx, {
      recordingIds: parsed.recordingIds,
      disclosureId: row.id,
      reason: `Statutory disclosure ${parsed.caseReference}`,
      by: ctx.auth.user.id,
    });
    return row;
  });
  if (status === "active") await activateExport(ctx, row.id);
  return { disclosure: await toDisclosureView(ctx.db, row, ctx.clock.now()) };
}
