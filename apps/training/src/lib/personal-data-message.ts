import { personalDataMessage, readDomainError, reasonText } from "@kuulo/ui";

export interface FieldRefusal {
  /** Dotted path of the refused input (e.g. "items.1.note"), or null for the form as a whole. */
  field: string | null;
  message: string;
}

/**
 * Turns a server refusal into the message shown next to the field it names. A customer-data refusal
 * (R4) is worded from the API's reason alone with the wording both apps share; other known reasons get
 * the shared texts of @kuulo/ui; an unknown reason keeps the API's text.
 */
export function describeRefusal(error: unknown, language: string, fallback: string): FieldRefusal {
  const domain = readDomainError(error);
  if (!domain) return { field: null, message: fallback };
  const field = domain.field ?? null;
  return {
    field,
    message:
      personalDataMessage(domain.reason, language) ??
      reasonText(domain.reason, language) ??
      (domain.message || fallback),
  };
}
