import { DomainError } from "../errors/index.js";
import type { DisclosureKind, DisclosureStatus } from "./disclosure-kinds.js";

export type DisclosureEvent =
  | { type: "submit"; by: string }
  | { type: "approve"; by: string }
  | { type: "reject"; by: string }
  | { type: "revoke"; by: string }
  | { type: "deliver"; by: string }
  | { type: "close"; by: string }
  /** Raised by the system job when a training disclosure's validUntil has passed. */
  | { type: "expire" };
export type DisclosureEventType = DisclosureEvent["type"];

export interface DisclosureState {
  kind: DisclosureKind;
  status: DisclosureStatus;
  /** The user who created (drafted) the disclosure. */
  createdBy: string;
}

const PAST: Record<DisclosureEventType, string> = {
  submit: "submitted",
  approve: "approved",
  reject: "rejected",
  revoke: "revoked",
  deliver: "delivered",
  close: "closed",
  expire: "expired",
};

type Table = Partial<Record<DisclosureStatus, Partial<Record<DisclosureEventType, DisclosureStatus>>>>;

const REVIEW: Table = {
  draft: { submit: "pending_approval", revoke: "revoked" },
  pending_approval: { approve: "active", reject: "draft", revoke: "revoked" },
};

/**
 * Training access is streamed until revoked or expired; statutory and access-request disclosures
 * produce one export (delivered) and are closed when the case ends (releasing the legal hold).
 */
export const DISCLOSURE_TRANSITIONS: Readonly<Record<DisclosureKind, Table>> = {
  training: { ...REVIEW, active: { revoke: "revoked", expire: "expired" } },
  statutory: { ...REVIEW, active: { deliver: "delivered", close: "closed" }, delivered: { close: "closed" } },
  access_request: {
    ...REVIEW,
    active: { deliver: "delivered", close: "closed" },
    delivered: { close: "closed" },
  },
};

/**
 * Pure transition (R6). Four-eyes: the approver must be a different person than the creator. Whether
 * the actor may act at all (disclosure.approve etc.) is decided by access `can()` before this.
 */
export const disclosureStateMachine = (state: DisclosureState, event: DisclosureEvent): DisclosureStatus => {
  const next = DISCLOSURE_TRANSITIONS[state.kind]?.[state.status]?.[event.type];
  if (next === undefined) {
    throw new DomainError(
      "CONFLICT",
      `A ${state.kind} disclosure in status "${state.status}" cannot be ${PAST[event.type]}`,
      {
        rule: "R6",
        reason: "disclosure.invalid_transition",
        details: { from: state.status, event: event.type },
      },
    );
  }
  if (event.type === "approve" && event.by === state.createdBy) {
    throw new DomainError(
      "FORBIDDEN",
      "A disclosure must be approved by a different privacy officer than its creator (four-eyes)",
      {
        rule: "R6",
        reason: "disclosure.four_eyes",
      },
    );
  }
  return next;
};
