import type { TFunction } from "i18next";
import type { FieldError } from "react-hook-form";

/**
 * Server messages (type "server") are shown as sent; client-side schema failures get a translated
 * message keyed by the zod issue code, so the form speaks the chosen language, or the field's own
 * `clientMessage` when the field words every client-side failure one way (e.g. "choose at least one").
 */
export function fieldError(
  t: TFunction,
  error: FieldError | undefined,
  clientMessage?: string,
): string | undefined {
  if (!error) return undefined;
  if (error.type === "server" && error.message) return error.message;
  if (clientMessage) return clientMessage;
  const key = `validation.${error.type}`;
  const translated = t(key, { defaultValue: "" });
  return translated || error.message || t("validation.invalid");
}
