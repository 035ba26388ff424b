import type { DomainErrorShape } from "@kuulo/domain/errors";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { readDomainError } from "../trpc/domain-error.js";

/**
 * Puts a server refusal next to the field it names (`error.data.domain.field`) when the form has that
 * field; otherwise returns the message for the form-level alert.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  fallback: string,
  /** Words the refusal in the UI's language (e.g. by `reason`); the API's own message otherwise. */
  describe: (domain: DomainErrorShape) => string = (domain) => domain.message,
): string | null {
  const domain = readDomainError(error);
  if (!domain) return fallback;
  if (domain.code === "UNAUTHENTICATED") return null;
  const message = describe(domain) || fallback;
  // "recordingIds.3" belongs to the form's "recordingIds": the refusal names the item, the form shows the list.
  const field = fields.find((name) => domain.field === name || domain.field?.startsWith(`${name}.`));
  if (field) {
    setError(field, { type: "server", message }, { shouldFocus: true });
    return null;
  }
  return message;
}
