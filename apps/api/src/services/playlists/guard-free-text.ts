import { assertNoPersonalData } from "@kuulo/domain/privacy";

/** R4: text written by people must not carry customer identifiers; the error names the field (e.g. items.1.note). */
export function guardFreeText(fields: Record<string, string | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined) assertNoPersonalData(field, value);
  }
}
