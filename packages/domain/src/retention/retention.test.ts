import { describe, expect, it } from "vitest";
import { computeRetention, DEFAULT_RETENTION_POLICY, parseRetentionPolicy } from "./index.js";

const call = new Date("2025-01-10T08:00:00Z");
const at = (iso: string) => new Date(iso);

describe("computeRetention (R13)", () => {
  it.each([
    [
      "ordinary, one second before",
      null,
      false,
      "2026-01-10T07:59:59Z",
      "ordinary",
      "2026-01-10T08:00:00.000Z",
      false,
    ],
    [
      "ordinary, exactly due",
      null,
      false,
      "2026-01-10T08:00:00Z",
      "ordinary",
      "2026-01-10T08:00:00.000Z",
      true,
    ],
    [
      "training extends",
      at("2025-02-01T00:00:00Z"),
      false,
      "2026-06-01T00:00:00Z",
      "training",
      "2028-01-11T08:00:00.000Z",
      false,
    ],
    [
      "training, due",
      at("2025-02-01T00:00:00Z"),
      false,
      "2028-01-11T08:00:00Z",
      "training",
      "2028-01-11T08:00:00.000Z",
      true,
    ],
    [
      "legal hold wins over training",
      at("2025-02-01T00:00:00Z"),
      true,
      "2040-01-01T00:00:00Z",
      "legal_hold",
      null,
      false,
    ],
    ["legal hold wins over ordinary", null, true, "2040-01-01T00:00:00Z", "legal_hold", null, false],
    [
      "invalid training date counts as never",
      new Date("x"),
      false,
      "2026-01-10T08:00:00Z",
      "ordinary",
      "2026-01-10T08:00:00.000Z",
      true,
    ],
  ] as const)("%s", (_, usedInTrainingSince, legalHold, now, category, dueAt, due) => {
    const result = computeRetention(
      { callStartedAt: call, usedInTrainingSince, legalHold },
      DEFAULT_RETENTION_POLICY,
      at(now),
    );
    expect(result.category).toBe(category);
    expect(result.dueAt?.toISOString() ?? null).toBe(dueAt);
    expect(result.due).toBe(due);
    expect(result.reason.length).toBeGreaterThan(10);
  });

  it("says why under legal hold", () => {
    expect(
      computeRetention({ callStartedAt: call, legalHold: true }, DEFAULT_RETENTION_POLICY, call).reason,
    ).toMatch(/legal hold/i);
  });

  it("uses the configured periods", () => {
    const policy = parseRetentionPolicy({ ordinaryDays: 30, trainingDays: 60 });
    expect(computeRetention({ callStartedAt: call, legalHold: false }, policy, call).dueAt).toEqual(
      at("2025-02-09T08:00:00Z"),
    );
  });

  it("refuses invalid dates", () => {
    expect(() =>
      computeRetention({ callStartedAt: new Date("nope"), legalHold: false }, DEFAULT_RETENTION_POLICY, call),
    ).toThrow(TypeError);
  });
});

describe("parseRetentionPolicy", () => {
  it("accepts the defaults", () => {
    expect(parseRetentionPolicy({ ...DEFAULT_RETENTION_POLICY })).toEqual({
      ordinaryDays: 365,
      trainingDays: 1096,
    });
  });

  it.each([
    [{ ordinaryDays: 0, trainingDays: 10 }, "retention.ordinaryDays", "retention.invalid"],
    [{ ordinaryDays: 10, trainingDays: 3654 }, "retention.trainingDays", "retention.invalid"],
    [{ ordinaryDays: 1.5, trainingDays: 10 }, "retention.ordinaryDays", "retention.invalid"],
    [{ ordinaryDays: "365", trainingDays: 1096 }, "retention.ordinaryDays", "retention.invalid"],
    [{ ordinaryDays: 365 }, "retention.trainingDays", "retention.invalid"],
    [{ ordinaryDays: 365, trainingDays: 1096, legalHoldDays: 5 }, "retention", "retention.invalid"],
    [null, "retention", "retention.invalid"],
    [{ ordinaryDays: 365, trainingDays: 100 }, "retention.trainingDays", "retention.training_shorter"],
  ])("refuses %j", (input, field, reason) => {
    expect(() => parseRetentionPolicy(input)).toThrow(
      expect.objectContaining({ code: "VALIDATION", field, reason, rule: "R13" }),
    );
  });
});
