import { DomainError } from "../errors/index.js";
import { isEuEea } from "./countries.js";

/** AWS-style region → ISO country. Regions not listed are unknown and refused (fail closed, R7). */
export const STORAGE_REGION_COUNTRIES: Readonly<Record<string, string>> = {
  "eu-north-1": "SE",
  "eu-west-1": "IE",
  "eu-west-2": "GB",
  "eu-west-3": "FR",
  "eu-central-1": "DE",
  "eu-central-2": "CH",
  "eu-south-1": "IT",
  "eu-south-2": "ES",
  "us-east-1": "US",
  "us-east-2": "US",
  "us-west-1": "US",
  "us-west-2": "US",
  "ca-central-1": "CA",
  "ca-west-1": "CA",
  "sa-east-1": "BR",
  "af-south-1": "ZA",
  "me-south-1": "BH",
  "me-central-1": "AE",
  "il-central-1": "IL",
  "ap-east-1": "HK",
  "ap-south-1": "IN",
  "ap-south-2": "IN",
  "ap-northeast-1": "JP",
  "ap-northeast-2": "KR",
  "ap-northeast-3": "JP",
  "ap-southeast-1": "SG",
  "ap-southeast-2": "AU",
  "ap-southeast-3": "ID",
  "ap-southeast-4": "AU",
  "mx-central-1": "MX",
};

export const countryOfStorageRegion = (region: unknown): string | null => {
  if (typeof region !== "string") return null;
  const key = region.trim().toLowerCase();
  if (key.startsWith("us-gov-") || /^us-(east|west)-\d+$/.test(key)) return "US";
  return Object.hasOwn(STORAGE_REGION_COUNTRIES, key) ? (STORAGE_REGION_COUNTRIES[key] ?? null) : null;
};

/** Called at start-up with the configured object-storage region: the API refuses to start otherwise. */
export const assertStorageRegionInEuEea = (region: unknown, field = "storage.region"): string => {
  const country = countryOfStorageRegion(region);
  if (country === null) {
    throw new DomainError(
      "VALIDATION",
      `Storage region ${JSON.stringify(region)} is unknown, so it cannot be shown to be in the EU/EEA (R7)`,
      { field, rule: "R7", reason: "storage_region.unknown" },
    );
  }
  if (!isEuEea(country)) {
    throw new DomainError(
      "VALIDATION",
      `Storage region ${JSON.stringify(region)} is in ${country}, outside the EU/EEA (R7)`,
      { field, rule: "R7", reason: "storage_region.outside_eu_eea" },
    );
  }
  return country;
};
