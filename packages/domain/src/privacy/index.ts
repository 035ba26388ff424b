export { assertNoPersonalData, personalDataReason } from "./assert-no-personal-data.js";
export {
  type Finding,
  findPersonalData,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
} from "./find-personal-data.js";
export { isValidPersonalIdentityCode } from "./personal-identity-code.js";
