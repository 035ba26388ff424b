export {
  assertEuEea,
  EEA_NON_EU_COUNTRIES,
  EU_COUNTRIES,
  EU_EEA_COUNTRIES,
  type EuEeaCountry,
  isEuEea,
} from "./countries.js";
export {
  assertStorageRegionInEuEea,
  countryOfStorageRegion,
  STORAGE_REGION_COUNTRIES,
} from "./storage-region.js";
