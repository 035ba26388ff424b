import { z } from "zod";
import { findPersonalData } from "./find-personal-data.js";

/**
 * A zod string for free text written by people (playlist descriptions, notes, comments): trimmed,
 * length-limited and refused when it contains a customer identifier (R4). The issue carries
 * `params: { rule: "R4", reason: "personal_data.<kind>" }` for error mappers.
 */
export const freeTextWithoutPersonalData = (options: { min?: number; max: number }) =>
  z
    .string()
    .trim()
    .min(options.min ?? 1)
    .max(options.max)
    .superRefine((value, ctx) => {
      const [finding] = findPersonalData(value);
      if (finding) {
        ctx.addIssue({
          code: "custom",
          message: `contains what looks like customer data (${finding.kind}); customer data may exist only inside the audio`,
          params: { rule: "R4", reason: `personal_data.${finding.kind}` },
        });
      }
    });
