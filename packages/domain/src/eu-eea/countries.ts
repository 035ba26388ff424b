import { DomainError } from "../errors/index.js";

/** The 27 EU member states (ISO 3166-1 alpha-2; Greece is "GR", not the EU's own "EL"). */
export const EU_COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
] as const;
/** EEA members outside the EU. */
export const EEA_NON_EU_COUNTRIES = ["IS", "LI", "NO"] as const;
export const EU_EEA_COUNTRIES = [...EU_COUNTRIES, ...EEA_NON_EU_COUNTRIES] as const;
export type EuEeaCountry = (typeof EU_EEA_COUNTRIES)[number];

/** Exact, upper-case alpha-2 only: "fi" or " FI" are refused rather than guessed. */
export const isEuEea = (code: unknown): code is EuEeaCountry =>
  typeof code === "string" && (EU_EEA_COUNTRIES as readonly string[]).includes(code);

export const assertEuEea = (field: string, code: unknown): EuEeaCountry => {
  if (isEuEea(code)) return code;
  throw new DomainError(
    "VALIDATION",
    `Country ${JSON.stringify(code)} is not in the EU/EEA: data may not leave the EU/EEA (R7)`,
    { field, rule: "R7", reason: "country.outside_eu_eea" },
  );
};
