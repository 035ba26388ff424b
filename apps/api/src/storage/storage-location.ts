import { DomainError } from "@kuulo/domain/errors";
import { assertStorageRegionInEuEea, isEuEea } from "@kuulo/domain/eu-eea";

export interface StorageLocation {
  /** Object-storage region, e.g. "eu-north-1". */
  region: string;
  /** ISO country of an on-premises or non-AWS endpoint whose region name says nothing (e.g. MinIO "fi-hki"). */
  country?: string;
}

/**
 * R7: refuses to use storage outside the EU/EEA. A known AWS-style region must map to an EU/EEA country;
 * an unknown region name is accepted only with an explicitly declared EU/EEA country.
 */
export function assertStorageLocationAllowed(location: StorageLocation | string): string {
  const { region, country } =
    typeof location === "string" ? { region: location, country: undefined } : location;
  if (country === undefined) return assertStorageRegionInEuEea(region);
  if (!isEuEea(country)) {
    throw new DomainError(
      "VALIDATION",
      `Storage country ${JSON.stringify(country)} is outside the EU/EEA (R7).`,
      {
        field: "storage.country",
        rule: "R7",
        reason: "storage_region.outside_eu_eea",
      },
    );
  }
  try {
    const regionCountry = assertStorageRegionInEuEea(region);
    if (regionCountry !== country) {
      throw new DomainError(
        "VALIDATION",
        `Storage region ${region} is in ${regionCountry}, not ${country} (R7).`,
        {
          field: "storage.country",
          rule: "R7",
          reason: "storage_region.country_mismatch",
        },
      );
    }
    return regionCountry;
  } catch (error) {
    // Only "unknown region" may be overridden by a declared country; an outside-EU/EEA region never is.
    if (error instanceof DomainError && error.reason === "storage_region.unknown") return country;
    throw error;
  }
}
