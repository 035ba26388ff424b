import type { RetentionCategory, RetentionPolicy } from "./retention-policy.js";

const DAY_MS = 86_400_000;

export interface RetentionFacts {
  callStartedAt: Date;
  /** Since when the recording has been in a published playlist; null/absent = never. */
  usedInTrainingSince?: Date | null;
  legalHold: boolean;
}

export interface RetentionDecision {
  category: RetentionCategory;
  /** When the recording must be purged; null while a legal hold suspends deletion. */
  dueAt: Date | null;
  due: boolean;
  reason: string;
}

const isValidDate = (value: unknown): value is Date =>
  value instanceof Date && !Number.isNaN(value.getTime());

/** Pure: which retention category applies and whether the purge is due at `now` (R13). */
export const computeRetention = (
  facts: RetentionFacts,
  policy: RetentionPolicy,
  now: Date,
): RetentionDecision => {
  if (!isValidDate(facts.callStartedAt) || !isValidDate(now)) {
    throw new TypeError("computeRetention needs valid callStartedAt and now dates");
  }
  if (facts.legalHold) {
    return {
      category: "legal_hold",
      dueAt: null,
      due: false,
      reason: "Under legal hold: deletion is suspended until the hold is released (R6, R13)",
    };
  }
  const training = isValidDate(facts.usedInTrainingSince);
  const periodDays = training ? policy.trainingDays : policy.ordinaryDays;
  const dueAt = new Date(facts.callStartedAt.getTime() + periodDays * DAY_MS);
  const due = now.getTime() >= dueAt.getTime();
  const what = training ? "used in a published training playlist" : "ordinary recording";
  return {
    category: training ? "training" : "ordinary",
    dueAt,
    due,
    reason: `${what}: kept ${periodDays} days from the call, ${due ? "purge is due" : `until ${dueAt.toISOString()}`}`,
  };
};
