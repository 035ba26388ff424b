import { z } from "zod";

/** Per unit: how many calls of each employee a reviewer should evaluate per calendar month. */
export const samplingRuleSchema = z.strictObject({
  perEmployeePerMonth: z.number().int().min(1).max(50),
});
export type SamplingRule = z.infer<typeof samplingRuleSchema>;

export interface SamplingPeriod {
  /** e.g. "2026-12": also the seed of the month's random draw, so the sample is stable within a month. */
  seed: string;
  startsAt: Date;
  /** Due date of the month's evaluations: the first instant of the next month (UTC). */
  dueAt: Date;
}

/** The sampling period (calendar month, UTC) containing `now`. */
export const samplingPeriod = (now: Date): SamplingPeriod => {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return {
    seed: `${year}-${String(month + 1).padStart(2, "0")}`,
    startsAt: new Date(Date.UTC(year, month, 1)),
    dueAt: new Date(Date.UTC(year, month + 1, 1)),
  };
};
