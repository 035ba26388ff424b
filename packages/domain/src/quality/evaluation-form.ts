import { z } from "zod";
import { freeText } from "../privacy/index.js";

export const ANSWER_TYPES = ["yes_no", "scale_1_5"] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Keys are chosen by the form's author and stay stable across versions, so trends compare like with like. */
const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "lower-case letters, digits and _ (at most 40), starting with a letter");

/** A criterion's key as answers and moments name it: the same shape as the form's own keys. */
export const criterionKeySchema = key;

export const criterionSchema = z
  .strictObject({
    key,
    title: freeText({ max: 200 }),
    guidance: freeText({ min: 0, max: 2000 }).default(""),
    answerType: z.enum(ANSWER_TYPES),
    /** Relative weight within the whole form; 0 = asked but not scored. */
    weight: z.number().int().min(0).max(100),
    allowNa: z.boolean().default(false),
    /** A "no" on a critical criterion fails the whole evaluation, whatever the other answers. */
    critical: z.boolean().default(false),
  })
  .refine((criterion) => !criterion.critical || criterion.answerType === "yes_no", {
    message: "only yes/no criteria can be critical",
    path: ["critical"],
  });
export type Criterion = z.infer<typeof criterionSchema>;

export const formSectionSchema = z.strictObject({
  key,
  title: freeText({ max: 200 }),
  criteria: z.array(criterionSchema).min(1).max(50),
});
export type FormSection = z.infer<typeof formSectionSchema>;

/** The content of one form version: what a reviewer answers and how it is scored. */
export const formContentSchema = z
  .strictObject({
    name: freeText({ max: 120 }),
    description: freeText({ min: 0, max: 2000 }).default(""),
    /** Score (0–100) at or above which an evaluation passes. */
    passMark: z.number().int().min(0).max(100).default(80),
    sections: z.array(formSectionSchema).min(1).max(20),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.sections.forEach((section, s) => {
      section.criteria.forEach((criterion, c) => {
        if (seen.has(criterion.key)) {
          ctx.addIssue({
            code: "custom",
            message: "criterion keys must be unique within a form",
            path: ["sections", s, "criteria", c, "key"],
            params: { reason: "quality.duplicate_criterion" },
          });
        }
        seen.add(criterion.key);
      });
    });
    const scored = form.sections.flatMap((section) => section.criteria).some((c) => c.weight > 0);
    if (!scored) {
      ctx.addIssue({
        code: "custom",
        message: "at least one criterion needs a weight above 0",
        path: ["sections"],
        params: { reason: "quality.no_weight" },
      });
    }
  });
export type FormContent = z.infer<typeof formContentSchema>;
export type FormContentInput = z.input<typeof formContentSchema>;

export const formCriteria = (form: FormContent): Criterion[] => form.sections.flatMap((s) => s.criteria);

/** One answer: yes/no/na for yes_no criteria, 1–5 or na for scales. */
export const answerValueSchema = z.union([z.enum(["yes", "no", "na"]), z.number().int().min(1).max(5)]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answerSchema = z.strictObject({
  criterionKey: criterionKeySchema,
  value: answerValueSchema,
  comment: freeText({ min: 0, max: 2000 }).optional(),
});
export type Answer = z.infer<typeof answerSchema>;
