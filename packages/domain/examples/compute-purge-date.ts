import { computeRetention, DEFAULT_RETENTION_POLICY, parseRetentionPolicy } from "@kuulo/domain/retention";

const now = new Date("2026-06-01T00:00:00Z");

export const ordinary = computeRetention(
  { callStartedAt: new Date("2025-03-12T08:30:00Z"), usedInTrainingSince: null, legalHold: false },
  DEFAULT_RETENTION_POLICY,
  now,
);
// { category: "ordinary", dueAt: 2026-03-12T08:30:00Z, due: true, reason: "ordinary recording: kept 365 days ..." }

export const training = computeRetention(
  {
    callStartedAt: new Date("2025-03-12T08:30:00Z"),
    usedInTrainingSince: new Date("2025-04-01"),
    legalHold: false,
  },
  parseRetentionPolicy({ ordinaryDays: 180, trainingDays: 730 }),
  now,
);
// { category: "training", dueAt: 2027-03-12T08:30:00Z, due: false, ... }

export const held = computeRetention(
  { callStartedAt: new Date("2020-01-01T00:00:00Z"), legalHold: true },
  DEFAULT_RETENTION_POLICY,
  now,
);
// { category: "legal_hold", dueAt: null, due: false, reason: "Under legal hold: ..." }
