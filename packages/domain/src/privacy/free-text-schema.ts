import { z } from "zod";
import { findPersonalData } from "./find-personal-data.js";
import { personalDataReason } from "./personal-data-reason.js";

/**
 * Every schema made by `freeText()`, so a test can walk an API's input schemas and find any string a
 * person types that is not guarded (R4).
 */
export const freeTextSchemas = z.registry<{ rule: "R4" }>();

/**
 * The one way to accept text a person types (titles, descriptions, notes, reasons, names): trimmed,
 * length-limited, and refused when it contains a customer identifier (R4). The issue carries
 * `params: { rule: "R4", reason: "personal_data.<kind>" }`, which the API's error mapper passes on.
 * Wrap it with `.optional()`/`.nullable()`; do not chain string checks onto it (that makes a new,
 * unregistered schema).
 */
export const freeText = (options: { min?: number; max: number; required?: string }) => {
  const min = options.min ?? 1;
  const schema = z
    .string()
    .trim()
    .min(min, min === 1 ? (options.required ?? "Required") : undefined)
    .max(options.max)
    .superRefine((value, ctx) => {
      const [finding] = findPersonalData(value);
      if (finding) {
        ctx.addIssue({
          code: "custom",
          message: `contains what looks like customer data (${finding.kind}, characters ${finding.start + 1}–${finding.end}); customer data may exist only inside the audio (R4)`,
          params: { rule: "R4", reason: personalDataReason(finding.kind) },
        });
      }
    });
  freeTextSchemas.add(schema, { rule: "R4" });
  return schema;
};

export const isFreeTextSchema = (schema: z.ZodType): boolean => freeTextSchemas.has(schema);
