import { describe, expect, it } from "vitest";
import { S3BlobStore } from "./s3-blob-store.js";
import { assertStorageLocationAllowed } from "./storage-location.js";

const credentials = { accessKeyId: "x", secretAccessKey: "y" };

describe("assertStorageLocationAllowed (R7)", () => {
  it.each([
    ["eu-north-1", "SE"],
    ["eu-central-1", "DE"],
    [{ region: "fi-hki-1", country: "FI" }, "FI"],
  ])("allows %j", (location, country) => {
    expect(assertStorageLocationAllowed(location)).toBe(country);
  });

  it.each([
    ["us-east-1", "storage_region.outside_eu_eea"],
    ["eu-west-2", "storage_region.outside_eu_eea"],
    ["eu-central-2", "storage_region.outside_eu_eea"],
    ["moon-base-1", "storage_region.unknown"],
    [{ region: "us-east-1", country: "FI" }, "storage_region.outside_eu_eea"],
    [{ region: "eu-north-1", country: "FI" }, "storage_region.country_mismatch"],
    [{ region: "onprem", country: "US" }, "storage_region.outside_eu_eea"],
  ])("refuses %j", (location, reason) => {
    expect(() => assertStorageLocationAllowed(location)).toThrow(
      expect.objectContaining({ code: "VALIDATION", rule: "R7", reason }),
    );
  });

  it("an S3 store cannot even be constructed for a region outside the EU/EEA", () => {
    expect(() => new S3BlobStore({ bucket: "b", region: "us-west-2", credentials })).toThrow(
      /outside the EU\/EEA/,
    );
    expect(new S3BlobStore({ bucket: "b", region: "eu-west-1", credentials })).toBeInstanceOf(S3BlobStore);
  });
});
