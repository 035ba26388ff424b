export { assertNoPersonalData } from "./assert-no-personal-data.js";
export {
  type Finding,
  findPersonalData,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
} from "./find-personal-data.js";
export { freeText, freeTextSchemas, isFreeTextSchema } from "./free-text-schema.js";
export { findIbans, IBAN_LENGTHS, isValidIban } from "./iban.js";
export { type NormalisedText, normaliseForMatching } from "./normalise-for-matching.js";
export { isPersonalDataReason, type PersonalDataReason, personalDataReason } from "./personal-data-reason.js";
export { isValidPersonalIdentityCode } from "./personal-identity-code.js";
