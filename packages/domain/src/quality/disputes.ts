import { DomainError } from "../errors/index.js";

export const DISPUTE_STATUSES = ["open", "upheld", "changed"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_DECISIONS = ["uphold", "change"] as const;
export type DisputeDecision = (typeof DISPUTE_DECISIONS)[number];

/**
 * A dispute is resolved by another reviewer: never the one who made the evaluation, never the person
 * whose call it is (nobody judges their own case), and only once.
 */
export const assertMayResolveDispute = (facts: {
  resolverUserId: string;
  reviewerUserId: string;
  subjectUserId: string | null;
  status: DisputeStatus;
}): void => {
  if (facts.status !== "open") {
    throw new DomainError("CONFLICT", "This dispute has already been resolved", {
      field: "disputeId",
      reason: "quality.dispute_closed",
    });
  }
  if (facts.resolverUserId === facts.reviewerUserId) {
    throw new DomainError("FORBIDDEN", "The reviewer who made the evaluation cannot resolve its dispute", {
      field: "disputeId",
      rule: "R10",
      reason: "quality.dispute_own_evaluation",
    });
  }
  if (facts.subjectUserId !== null && facts.resolverUserId === facts.subjectUserId) {
    throw new DomainError("FORBIDDEN", "Nobody resolves a dispute about their own call", {
      field: "disputeId",
      rule: "R10",
      reason: "quality.dispute_self",
    });
  }
};

/** An evaluation can be disputed once, while no dispute about it is open or decided. */
export const assertMayDispute = (facts: { existingDispute: boolean }): void => {
  if (facts.existingDispute) {
    throw new DomainError("CONFLICT", "This evaluation has already been disputed", {
      field: "evaluationId",
      reason: "quality.already_disputed",
    });
  }
};
