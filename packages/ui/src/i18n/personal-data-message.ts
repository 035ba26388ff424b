import { isPersonalDataReason, type PersonalDataKind } from "@kuulo/domain/privacy";
import { loadedUiCatalogue } from "./ui-catalogue.js";

/**
 * The wording of an R4 refusal from the API's reason alone ("personal_data.phone"), in the reader's
 * language; null when the reason is not a customer-data refusal. Both SPAs show this one text.
 */
export function personalDataMessage(reason: string | undefined, language: string): string | null {
  if (!isPersonalDataReason(reason)) return null;
  const kind = reason.slice("personal_data.".length) as PersonalDataKind;
  const texts = loadedUiCatalogue(language)?.messages.personalData;
  return texts && Object.hasOwn(texts, kind) ? texts[kind] : null;
}
