import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import {
  assertEuEea,
  assertStorageRegionInEuEea,
  countryOfStorageRegion,
  EU_COUNTRIES,
  EU_EEA_COUNTRIES,
  isEuEea,
} from "./index.js";

describe("EU/EEA countries (R7)", () => {
  it("lists 27 EU states and 30 EEA states", () => {
    expect(EU_COUNTRIES).toHaveLength(27);
    expect(new Set(EU_EEA_COUNTRIES).size).toBe(30);
  });

  it.each([
    ["FI", true],
    ["SE", true],
    ["GR", true],
    ["NO", true],
    ["IS", true],
    ["LI", true],
    ["GB", false],
    ["CH", false],
    ["US", false],
    ["EL", false],
    ["fi", false],
    [" FI", false],
    ["", false],
    [null, false],
    [42, false],
  ])("isEuEea(%j) = %s", (code, expected) => {
    expect(isEuEea(code)).toBe(expected);
  });

  it("assertEuEea names the field and R7", () => {
    expect(assertEuEea("recipientCountry", "DE")).toBe("DE");
    try {
      assertEuEea("recipientCountry", "US");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "VALIDATION", field: "recipientCountry", rule: "R7" });
    }
  });
});

describe("storage regions (R7)", () => {
  it.each([
    ["eu-north-1", "SE", true],
    ["eu-west-1", "IE", true],
    ["eu-central-1", "DE", true],
    ["eu-west-3", "FR", true],
    ["eu-south-1", "IT", true],
    ["eu-south-2", "ES", true],
    ["EU-NORTH-1", "SE", true],
    ["eu-west-2", "GB", false],
    ["eu-central-2", "CH", false],
    ["us-east-1", "US", false],
    ["us-west-9", "US", false],
    ["us-gov-west-1", "US", false],
    ["ap-northeast-1", "JP", false],
  ])("%s is in %s (EU/EEA: %s)", (region, country, inside) => {
    expect(countryOfStorageRegion(region)).toBe(country);
    if (inside) expect(assertStorageRegionInEuEea(region)).toBe(country);
    else expect(() => assertStorageRegionInEuEea(region)).toThrow(/outside the EU\/EEA/);
  });

  it.each(["eu-mars-1", "", "constructor", "__proto__", undefined, 7])(
    "unknown region %j is refused",
    (region) => {
      expect(countryOfStorageRegion(region)).toBeNull();
      expect(() => assertStorageRegionInEuEea(region)).toThrow(
        expect.objectContaining({ rule: "R7", reason: "storage_region.unknown" }),
      );
    },
  );
});
