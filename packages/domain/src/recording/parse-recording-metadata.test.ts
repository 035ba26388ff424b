import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import { normalisePhoneNumber, parseRecordingMetadata, recordingTechnicalMetadataSchema } from "./index.js";

const valid = {
  sourceRecordingId: "rec-2025.03.12:0001",
  firstName: "Maija",
  lastName: "Virtanen-Öhman",
  username: "mvirtanen",
  phoneNumber: "040 123 4567",
  callStartedAt: "2025-03-12T10:30:00+02:00",
  unitCode: "HELSINKI-1",
};

const refusal = (input: unknown): DomainError => {
  try {
    parseRecordingMetadata(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("parseRecordingMetadata (R3, R4)", () => {
  it("returns typed, normalised metadata", () => {
    expect(parseRecordingMetadata(valid)).toEqual({
      ...valid,
      phoneNumber: "+358401234567",
      callStartedAt: new Date("2025-03-12T08:30:00Z"),
    });
  });

  it("unitCode is optional", () => {
    const { unitCode: _, ...withoutUnit } = valid;
    expect(parseRecordingMetadata(withoutUnit)).not.toHaveProperty("unitCode");
  });

  it.each([
    ["callerNumber", "customer data may exist only inside the audio (R4)", "metadata.customer_data"],
    ["customerId", "customer data", "metadata.customer_data"],
    ["customer_name", "customer data", "metadata.customer_data"],
    ["Queue", "customer data", "metadata.customer_data"],
    ["ani", "customer data", "metadata.customer_data"],
    ["DNIS", "customer data", "metadata.customer_data"],
    ["notes", "customer data", "metadata.customer_data"],
    ["durationMs", "may contain only sourceRecordingId", "metadata.field_not_allowed"],
    ["department", "may contain only sourceRecordingId", "metadata.field_not_allowed"],
    ["__proto__x", "may contain only", "metadata.field_not_allowed"],
  ])("refuses extra field %s with rule R4", (field, text, reason) => {
    const error = refusal({ ...valid, [field]: "x" });
    expect(error).toMatchObject({ code: "VALIDATION", field, rule: "R4", reason });
    expect(error.message).toContain(`Field "${field}" is not allowed`);
    expect(error.message).toContain(text);
  });

  it("names the customer field first when several extra fields are present", () => {
    expect(refusal({ ...valid, department: "x", callerNumber: "0401234567" }).field).toBe("callerNumber");
  });

  it("the exact message for callerNumber", () => {
    expect(refusal({ ...valid, callerNumber: "+358401234567" }).message).toBe(
      'Field "callerNumber" is not allowed: customer data may exist only inside the audio (R4)',
    );
  });

  it.each([
    ["sourceRecordingId", ""],
    ["sourceRecordingId", "a".repeat(201)],
    ["sourceRecordingId", "rec/1"],
    ["sourceRecordingId", "rec 1"],
    ["sourceRecordingId", 12],
    ["firstName", ""],
    ["firstName", "   "],
    ["firstName", "M4ija"],
    ["lastName", "x".repeat(101)],
    ["lastName", null],
    ["username", "m virtanen"],
    ["username", ""],
    ["phoneNumber", "abc"],
    ["phoneNumber", "040 123"],
    ["phoneNumber", "+0 40 1234567"],
    ["phoneNumber", "0"],
    ["phoneNumber", 401234567],
    ["callStartedAt", "2025-03-12T10:30:00"],
    ["callStartedAt", "2025-03-12"],
    ["callStartedAt", "2025-02-30T10:30:00Z"],
    ["callStartedAt", "2025-03-12T24:30:00Z"],
    ["callStartedAt", "12.3.2025 10:30"],
    ["callStartedAt", 1741768200000],
    ["unitCode", ""],
    ["unitCode", "unit 1"],
  ])("refuses malformed %s = %j with rule R3", (field, value) => {
    expect(refusal({ ...valid, [field]: value })).toMatchObject({ code: "VALIDATION", field, rule: "R3" });
  });

  it.each(["sourceRecordingId", "firstName", "lastName", "username", "phoneNumber", "callStartedAt"])(
    "refuses a missing %s with rule R3",
    (field) => {
      const input: Record<string, unknown> = { ...valid };
      delete input[field];
      expect(refusal(input)).toMatchObject({ field, rule: "R3" });
    },
  );

  it.each([null, undefined, "x", 5, [], [valid]])("refuses non-object %j", (input) => {
    expect(refusal(input)).toMatchObject({ field: "metadata", rule: "R3" });
  });
});

describe("normalisePhoneNumber", () => {
  it.each([
    ["+358 40 123 4567", "+358401234567"],
    ["040-123 4567", "+358401234567"],
    ["0401234567", "+358401234567"],
    ["00358401234567", "+358401234567"],
    ["(09) 123 456", "+358912345 6".replace(" ", "")],
    ["01053 040", "+3581053040"],
    ["4567", "4567"],
    ["+46 8 123 456 78", "+46812345678"],
    ["040 123", null],
    ["0123", null],
    ["+358 40 123 4567 ext 2", null],
    ["", null],
  ])("%j → %j", (input, expected) => {
    expect(normalisePhoneNumber(input)).toBe(expected);
  });
});

describe("recordingTechnicalMetadataSchema", () => {
  const technical = {
    durationMs: 61_000,
    format: "audio/ogg; codecs=opus",
    sizeBytes: 48_213,
    sha256: "a".repeat(64),
    sourceSystemId: "token:3f2c",
    ingestedAt: new Date(),
  };
  it("accepts technical metadata and nothing else", () => {
    expect(recordingTechnicalMetadataSchema.parse(technical)).toEqual(technical);
    expect(recordingTechnicalMetadataSchema.safeParse({ ...technical, callerNumber: "1" }).success).toBe(
      false,
    );
    expect(recordingTechnicalMetadataSchema.safeParse({ ...technical, sha256: "A".repeat(64) }).success).toBe(
      false,
    );
    expect(recordingTechnicalMetadataSchema.safeParse({ ...technical, durationMs: -1 }).success).toBe(false);
  });
});
