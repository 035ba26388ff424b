export { assertNoPersonalData, personalDataReason } from "./assert-no-personal-data.js";
export {
  type Finding,
  findPersonalData,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
} from "./find-personal-data.js";
export { freeTextWithoutPersonalData } from "./free-text-schema.js";
export { PERSONAL_DATA_REASON_TEXTS, type PersonalDataReason } from "./personal-data-messages.js";
export { isValidPersonalIdentityCode } from "./personal-identity-code.js";
