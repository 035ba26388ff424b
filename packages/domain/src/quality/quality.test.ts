import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import {
  LOCALES,
  recordOfProcessing,
  renderPrivacyNotice,
  renderPrivacyNoticeText,
} from "../register/index.js";
import {
  type AnswerValue,
  assertFormVersionUsable,
  assertMayDispute,
  assertMayResolveDispute,
  assertMomentWithinCall,
  calibrationSpread,
  DEFAULT_QUALITY_SETTINGS,
  type FormContentInput,
  formContentSchema,
  formVersionTransition,
  momentInputSchema,
  QUALITY_COOPERATION_PROCEDURE,
  QUALITY_DATA_CATEGORY,
  QUALITY_EMPLOYEE_RIGHTS,
  qualitySettingsSchema,
  samplingPeriod,
  scoreEvaluation,
} from "./index.js";

const FORM: FormContentInput = {
  name: "Asiakaspalvelu",
  passMark: 80,
  sections: [
    {
      key: "opening",
      title: "Avaus",
      criteria: [
        { key: "greeting", title: "Tervehdys", answerType: "yes_no", weight: 10 },
        { key: "identify", title: "Tunnistus", answerType: "yes_no", weight: 0, critical: true },
      ],
    },
    {
      key: "handling",
      title: "Käsittely",
      criteria: [
        { key: "empathy", title: "Empatia", answerType: "scale_1_5", weight: 20, allowNa: true },
        { key: "offer", title: "Lisämyynti", answerType: "yes_no", weight: 10, allowNa: true },
      ],
    },
  ],
};
const form = formContentSchema.parse(FORM);
const answers = (greeting: AnswerValue, identify: AnswerValue, empathy: AnswerValue, offer: AnswerValue) => [
  { criterionKey: "greeting", value: greeting },
  { criterionKey: "identify", value: identify },
  { criterionKey: "empathy", value: empathy },
  { criterionKey: "offer", value: offer },
];

describe("scoreEvaluation: weights, N/A excluded, critical failures fail the whole evaluation", () => {
  it.each([
    // greeting, identify, empathy, offer → score, raw, passed
    ["all best", answers("yes", "yes", 5, "yes"), 100, 100, true],
    ["all worst but critical ok", answers("no", "yes", 1, "no"), 0, 0, false],
    ["weighted mean", answers("yes", "yes", 3, "no"), 50, 50, false], // (10 + 20*0.5 + 0) / 40
    ["N/A excluded from weight", answers("yes", "yes", "na", "yes"), 100, 100, true],
    ["N/A on scale and miss", answers("no", "yes", "na", "yes"), 50, 50, false],
    ["scale 4 → 0.75", answers("yes", "yes", 4, "yes"), 87.5, 87.5, true],
    ["critical fails everything", answers("yes", "no", 5, "yes"), 0, 100, false],
    ["exactly pass mark", answers("yes", "yes", 4, "no"), 62.5, 62.5, false],
  ] as const)("%s", (_name, given, score, rawScore, passed) => {
    const result = scoreEvaluation(form, given);
    expect(result.score).toBe(score);
    expect(result.rawScore).toBe(rawScore);
    expect(result.passed).toBe(passed);
  });

  it("reports the failed critical criteria", () => {
    expect(scoreEvaluation(form, answers("yes", "no", 5, "yes")).criticalFailures).toEqual(["identify"]);
  });

  it("a score at the pass mark passes", () => {
    const sixty = formContentSchema.parse({ ...FORM, passMark: 75 });
    expect(scoreEvaluation(sixty, answers("yes", "yes", 3, "yes")).passed).toBe(true); // 30/40 = 75
  });

  it("nothing scored (everything N/A or weight 0) gives no score and no verdict", () => {
    const onlyNa = formContentSchema.parse({
      name: "N/A",
      sections: [
        {
          key: "s",
          title: "S",
          criteria: [{ key: "a", title: "A", answerType: "yes_no", weight: 5, allowNa: true }],
        },
      ],
    });
    expect(scoreEvaluation(onlyNa, [{ criterionKey: "a", value: "na" }])).toMatchObject({
      score: null,
      passed: null,
    });
  });

  it.each([
    ["unanswered", answers("yes", "yes", 5, "yes").slice(0, 3), "quality.unanswered"],
    [
      "unknown criterion",
      [...answers("yes", "yes", 5, "yes"), { criterionKey: "nope", value: "yes" as const }],
      "quality.unknown_criterion",
    ],
    [
      "answered twice",
      [...answers("yes", "yes", 5, "yes"), { criterionKey: "greeting", value: "no" as const }],
      "quality.duplicate_answer",
    ],
    ["N/A where not allowed", answers("na", "yes", 5, "yes"), "quality.na_not_allowed"],
    ["scale on yes/no", answers(3, "yes", 5, "yes"), "quality.answer_type"],
    ["yes on scale", answers("yes", "yes", "yes", "yes"), "quality.answer_type"],
    ["scale out of range", answers("yes", "yes", 6, "yes"), "quality.answer_type"],
  ] as const)("refuses %s", (_name, given, reason) => {
    expect(() => scoreEvaluation(form, given as never)).toThrow(
      expect.objectContaining({ code: "VALIDATION", reason }),
    );
  });
});

describe("form content", () => {
  it("refuses customer data in any text (R4)", () => {
    const result = formContentSchema.safeParse({ ...FORM, description: "Soita 040 123 4567" });
    expect(result.success).toBe(false);
    expect((result.error?.issues[0] as { params?: unknown } | undefined)?.params).toMatchObject({
      rule: "R4",
      reason: "personal_data.phone",
    });
  });
  it.each([
    ["duplicate keys", { ...FORM, sections: [FORM.sections[0], FORM.sections[0]] }],
    [
      "critical scale",
      {
        ...FORM,
        sections: [
          {
            key: "x",
            title: "X",
            criteria: [{ key: "a", title: "A", answerType: "scale_1_5", weight: 1, critical: true }],
          },
        ],
      },
    ],
    [
      "no weight",
      {
        ...FORM,
        sections: [
          { key: "x", title: "X", criteria: [{ key: "a", title: "A", answerType: "yes_no", weight: 0 }] },
        ],
      },
    ],
    [
      "bad key",
      {
        ...FORM,
        sections: [
          { key: "X Y", title: "X", criteria: [{ key: "a", title: "A", answerType: "yes_no", weight: 1 }] },
        ],
      },
    ],
    ["no sections", { ...FORM, sections: [] }],
  ])("refuses %s", (_name, input) => {
    expect(formContentSchema.safeParse(input).success).toBe(false);
  });
});

describe("form versions", () => {
  it.each([
    ["draft", "edit", { kind: "edit_in_place" }],
    ["published", "edit", { kind: "new_draft" }],
    ["retired", "edit", { kind: "new_draft" }],
    ["draft", "publish", { kind: "publish", retiresPublished: true }],
    ["published", "retire", { kind: "retire" }],
  ] as const)("%s + %s", (status, event, outcome) => {
    expect(formVersionTransition(status, event)).toEqual(outcome);
  });
  it.each([
    ["published", "publish", "quality.form_not_draft"],
    ["retired", "publish", "quality.form_not_draft"],
    ["draft", "retire", "quality.form_not_published"],
    ["retired", "retire", "quality.form_not_published"],
  ] as const)("refuses %s + %s", (status, event, reason) => {
    expect(() => formVersionTransition(status, event)).toThrow(expect.objectContaining({ reason }));
  });
  it("only a published version evaluates", () => {
    expect(() => assertFormVersionUsable("published")).not.toThrow();
    expect(() => assertFormVersionUsable("retired")).toThrow(
      expect.objectContaining({ reason: "quality.form_version_retired" }),
    );
    expect(() => assertFormVersionUsable("draft")).toThrow(
      expect.objectContaining({ reason: "quality.form_version_draft" }),
    );
  });
});

describe("disputes", () => {
  const base = { resolverUserId: "r2", reviewerUserId: "r1", subjectUserId: "e1", status: "open" as const };
  it.each([
    ["another reviewer", base, null],
    ["the original reviewer", { ...base, resolverUserId: "r1" }, "quality.dispute_own_evaluation"],
    ["the person whose call it is", { ...base, resolverUserId: "e1" }, "quality.dispute_self"],
    ["a resolved dispute", { ...base, status: "upheld" as const }, "quality.dispute_closed"],
  ])("resolving as %s", (_name, facts, reason) => {
    if (reason === null) expect(() => assertMayResolveDispute(facts)).not.toThrow();
    else expect(() => assertMayResolveDispute(facts)).toThrow(expect.objectContaining({ reason }));
  });
  it("one dispute per evaluation", () => {
    expect(() => assertMayDispute({ existingDispute: false })).not.toThrow();
    expect(() => assertMayDispute({ existingDispute: true })).toThrow(DomainError);
  });
});

describe("moments", () => {
  it("refuses customer data in feedback (R4)", () => {
    const parsed = momentInputSchema.safeParse({ kind: "improve", startMs: 0, text: "as.nro 556677 soitti" });
    expect(parsed.success).toBe(false);
  });
  it.each([
    [{ startMs: 1000, endMs: null }, 5000, null],
    [{ startMs: 1000, endMs: 5000 }, 5000, null],
    [{ startMs: 3000, endMs: 1000 }, 5000, "quality.moment_range"],
    [{ startMs: 6000, endMs: null }, 5000, "quality.moment_beyond_call"],
    [{ startMs: 1000, endMs: 5001 }, 5000, "quality.moment_beyond_call"],
  ])("%j in a %d ms call", (moment, duration, reason) => {
    if (reason === null) expect(() => assertMomentWithinCall(moment, duration)).not.toThrow();
    else expect(() => assertMomentWithinCall(moment, duration)).toThrow(expect.objectContaining({ reason }));
  });
});

describe("calibration spread", () => {
  it("shows per criterion how far reviewers lie apart", () => {
    const spread = calibrationSpread(form, [
      { answers: answers("yes", "yes", 5, "yes") },
      { answers: answers("yes", "yes", 2, "na") },
      { answers: answers("no", "yes", 3, "yes") },
    ]);
    expect(spread.reviewers).toBe(3);
    const byKey = Object.fromEntries(spread.criteria.map((c) => [c.criterionKey, c]));
    expect(byKey.greeting).toMatchObject({ min: 0, max: 100, range: 100, agreed: false });
    expect(byKey.identify).toMatchObject({ range: 0, agreed: true });
    expect(byKey.empathy).toMatchObject({ min: 25, max: 100, range: 75, mean: 58.3 });
    expect(byKey.offer).toMatchObject({ answers: ["yes", "na", "yes"], range: 0, agreed: false });
    expect(spread.scores).toEqual([100, 50, 50]); // (10 + 5) / 30 and (0 + 10 + 10) / 40
    expect(spread.scoreRange).toBe(50);
  });
});

describe("settings and sampling", () => {
  it("quality review is off by default, kept two years", () => {
    expect(DEFAULT_QUALITY_SETTINGS).toEqual({ enabled: false, retentionDays: 730 });
    expect(qualitySettingsSchema.safeParse({ enabled: true, retentionDays: 5 }).success).toBe(false);
  });
  it("the sampling period is the calendar month, due at its end", () => {
    expect(samplingPeriod(new Date("2026-12-06T03:00:00Z"))).toEqual({
      seed: "2026-12",
      startsAt: new Date("2026-12-01T00:00:00Z"),
      dueAt: new Date("2027-01-01T00:00:00Z"),
    });
  });
});

describe("the register declares quality review only when it is on (R1)", () => {
  it.each(LOCALES)("the privacy notice (%s) changes with the switch", (locale) => {
    const off = renderPrivacyNoticeText(renderPrivacyNotice(locale));
    const on = renderPrivacyNoticeText(
      renderPrivacyNotice(locale, { quality: { enabled: true, retentionDays: 730 } }),
    );
    expect(off).not.toContain(QUALITY_DATA_CATEGORY[locale]);
    expect(off).not.toContain(QUALITY_EMPLOYEE_RIGHTS[locale]);
    expect(on).toContain(QUALITY_DATA_CATEGORY[locale]);
    expect(on).toContain(QUALITY_EMPLOYEE_RIGHTS[locale]);
    expect(on).toContain("730");
    expect(renderPrivacyNoticeText(renderPrivacyNotice(locale, { quality: DEFAULT_QUALITY_SETTINGS }))).toBe(
      off,
    );
  });
  it("the Art. 30 record gains the category, purpose and retention", () => {
    const off = recordOfProcessing("en");
    const on = recordOfProcessing("en", { quality: { enabled: true, retentionDays: 400 } });
    expect(off.personalDataCategories).not.toContain(QUALITY_DATA_CATEGORY.en);
    expect(on.personalDataCategories).toContain(QUALITY_DATA_CATEGORY.en);
    expect(on.purposes.length).toBe(off.purposes.length + 1);
    expect(off.retention.qualityDays).toBeNull();
    expect(on.retention.qualityDays).toBe(400);
    expect(on.retention.description.join(" ")).toContain("400 days");
  });
  it("the employee's right to see every evaluation is stated in both languages", () => {
    expect(QUALITY_EMPLOYEE_RIGHTS.en).toContain("every evaluation");
    expect(QUALITY_EMPLOYEE_RIGHTS.fi).toContain("jokaisen");
    expect(QUALITY_COOPERATION_PROCEDURE.fi.join(" ")).toContain("yhteistoimintamenettely");
    expect(QUALITY_COOPERATION_PROCEDURE.en.join(" ")).toContain("Protection of Privacy in Working Life");
  });
});
