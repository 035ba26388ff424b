import type { Permission } from "../access/permissions.js";
import type { Relation } from "../access/role-permissions.js";
import { scopeOf } from "../access/scope-of.js";

/** Everything that can wait for a person in their inbox. The UI words each kind; the API finds its items. */
export const INBOX_ITEM_KINDS = [
  "disclosure_to_approve",
  "listening_right_to_approve",
  "disclosure_window_ending",
  "legal_hold_long_open",
  "access_request_deadline_near",
  "quality_setting_changed",
  "account_locked",
  "processor_agreement_ending",
  "ingest_refused",
  "purge_failed",
  "review_queue",
  "dispute_open",
  "assignment_overdue",
  "assignment_new",
  "feedback_new",
] as const;
export type InboxItemKind = (typeof INBOX_ITEM_KINDS)[number];

interface InboxKindRule {
  /** The permission the person acts with on the item; a kind is theirs only if they hold it. */
  permission: Permission;
  /** Held through a unit grant (work for others) or through a relation to themselves (their own things). */
  reach: "unit" | Relation;
  /** Shown only while quality review is switched on (its data exists only then). */
  needsQuality?: true;
  /** News since the person last looked, rather than a standing task. */
  sinceLastLook?: true;
}

/**
 * Who gets which kind follows from permissions and their reach, never from role names, so a new role or a
 * changed matrix changes the inbox with it.
 */
export const INBOX_KIND_RULES: Readonly<Record<InboxItemKind, InboxKindRule>> = {
  disclosure_to_approve: { permission: "disclosure.approve", reach: "unit" },
  listening_right_to_approve: { permission: "grant.approve", reach: "unit" },
  disclosure_window_ending: { permission: "disclosure.revoke", reach: "unit" },
  legal_hold_long_open: { permission: "legal_hold.release", reach: "unit" },
  access_request_deadline_near: { permission: "disclosure.export", reach: "unit" },
  // The officer answers for what the register declares; switching quality review changes that.
  quality_setting_changed: { permission: "audit.export", reach: "unit", sinceLastLook: true },
  account_locked: { permission: "user.unlock", reach: "unit" },
  processor_agreement_ending: { permission: "organisation.update", reach: "unit" },
  ingest_refused: { permission: "api_token.revoke", reach: "unit", sinceLastLook: true },
  purge_failed: { permission: "retention.read", reach: "unit", sinceLastLook: true },
  review_queue: { permission: "evaluation.create", reach: "unit", needsQuality: true },
  dispute_open: { permission: "evaluation.resolve", reach: "unit", needsQuality: true },
  assignment_overdue: { permission: "progress.read", reach: "unit" },
  assignment_new: { permission: "progress.update", reach: "assigned", sinceLastLook: true },
  feedback_new: { permission: "evaluation.dispute", reach: "own", needsQuality: true, sinceLastLook: true },
};

/** The kinds of item this actor's inbox holds. Anything malformed gets none (scopeOf denies unknowns). */
export function inboxKindsFor(actor: unknown, options: { qualityEnabled: boolean }): InboxItemKind[] {
  return INBOX_ITEM_KINDS.filter((kind) => {
    const rule = INBOX_KIND_RULES[kind];
    if (rule.needsQuality && !options.qualityEnabled) return false;
    const scope = scopeOf(actor, rule.permission);
    if (rule.reach === "unit") return scope.all || scope.unitIds.length > 0;
    return scope.relations.includes(rule.reach);
  });
}
