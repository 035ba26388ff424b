import { PERSONAL_DATA_REASON_TEXTS, type PersonalDataReason } from "@kuulo/domain/privacy";
import { readDomainError, reasonText } from "@kuulo/ui";

const isPersonalDataReason = (reason: string | undefined): reason is PersonalDataReason =>
  reason !== undefined && reason in PERSONAL_DATA_REASON_TEXTS;

export interface FieldRefusal {
  /** Dotted path of the refused input (e.g. "items.1.note"), or null for the form as a whole. */
  field: string | null;
  message: string;
}

/**
 * Turns a server refusal into the message shown next to the field it names. A personal-data refusal
 * (R4) gets the domain's own explanation in the reader's language; other known reasons the shared texts
 * of @kuulo/ui; an unknown reason keeps the API's text.
 */
export function describeRefusal(error: unknown, language: string, fallback: string): FieldRefusal {
  const domain = readDomainError(error);
  if (!domain) return { field: null, message: fallback };
  const field = domain.field ?? null;
  if (isPersonalDataReason(domain.reason)) {
    const texts = PERSONAL_DATA_REASON_TEXTS[domain.reason];
    return { field, message: language === "fi" ? texts.fi : texts.en };
  }
  return { field, message: reasonText(domain.reason, language) ?? (domain.message || fallback) };
}
