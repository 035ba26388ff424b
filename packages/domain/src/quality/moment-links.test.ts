import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import {
  assertMomentCriterion,
  type FormContentInput,
  formContentSchema,
  momentClip,
  POINT_MOMENT_CLIP_MS,
  weakCriterionKeys,
} from "./index.js";

const FORM = formContentSchema.parse({
  name: "Asiakaspalvelu",
  sections: [
    {
      key: "opening",
      title: "Avaus",
      criteria: [{ key: "greeting", title: "Tervehdys", answerType: "yes_no", weight: 10 }],
    },
  ],
} satisfies FormContentInput);

const reasonOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.reason;
    throw error;
  }
  return "accepted";
};

describe("a moment links to a criterion of its evaluation's form version", () => {
  it.each([
    ["no link, no form", null, null, "accepted"],
    ["no link, a form", FORM, null, "accepted"],
    ["a criterion of the form", FORM, "greeting", "accepted"],
    ["a key the form does not have", FORM, "closing", "quality.unknown_criterion"],
    ["a link without an evaluation", null, "greeting", "quality.moment_criterion_without_evaluation"],
  ] as const)("%s", (_name, form, key, expected) => {
    expect(reasonOf(() => assertMomentCriterion(form, key))).toBe(expected);
  });

  it("names the field it was given", () => {
    try {
      assertMomentCriterion(FORM, "nope", "moments.1.criterionKey");
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).field).toBe("moments.1.criterionKey");
    }
  });
});

describe("the clip that plays a moment", () => {
  it.each([
    [
      "a range plays as it is",
      { startMs: 1000, endMs: 4000 },
      60_000,
      { clipStartMs: 1000, clipEndMs: 4000 },
    ],
    [
      "a point plays the following seconds",
      { startMs: 1000, endMs: null },
      60_000,
      { clipStartMs: 1000, clipEndMs: 1000 + POINT_MOMENT_CLIP_MS },
    ],
    [
      "a point near the end is cut at the end",
      { startMs: 55_000, endMs: null },
      60_000,
      { clipStartMs: 55_000, clipEndMs: 60_000 },
    ],
    [
      "a point at the very end plays what leads up to it",
      { startMs: 60_000, endMs: null },
      60_000,
      { clipStartMs: 60_000 - POINT_MOMENT_CLIP_MS, clipEndMs: 60_000 },
    ],
    [
      "a zero-length range plays what leads up to it",
      { startMs: 3000, endMs: 3000 },
      60_000,
      { clipStartMs: 0, clipEndMs: 3000 },
    ],
    ["nothing fits in an empty call", { startMs: 0, endMs: null }, 0, null],
  ] as const)("%s", (_name, moment, durationMs, expected) => {
    expect(momentClip(moment, durationMs)).toEqual(expected);
  });
});

describe("weak criteria", () => {
  it("are those below the threshold, never N/A", () => {
    expect(
      weakCriterionKeys([
        { criterionKey: "a", fraction: 0 },
        { criterionKey: "b", fraction: 0.5 },
        { criterionKey: "c", fraction: 0.75 },
        { criterionKey: "d", fraction: null },
        { criterionKey: "e", fraction: 1 },
      ]),
    ).toEqual(["a", "b"]);
  });
});
