import { type InboxItemKind, inboxKindsFor } from "@kuulo/domain/inbox";
import { loadQualitySettings } from "../quality/load-settings.js";
import type { AuthedContext } from "../shared/service-context.js";
import {
  failedPurges,
  ingestRefusals,
  lockedAccounts,
  processorAgreementsEnding,
} from "./administration-items.js";
import type { InboxFinder, InboxItem } from "./inbox-item.js";
import { loadLastSeen, sinceLastLook } from "./last-seen.js";
import {
  accessRequestsNearDeadline,
  disclosuresToApprove,
  disclosureWindowsEnding,
  listeningRightsToApprove,
  longOpenLegalHolds,
  qualitySettingChanged,
} from "./privacy-items.js";
import {
  myNewAssignments,
  myNewFeedback,
  openDisputes,
  overdueAssignments,
  reviewQueue,
} from "./training-items.js";

const FINDERS: Readonly<Record<InboxItemKind, InboxFinder>> = {
  disclosure_to_approve: disclosuresToApprove,
  listening_right_to_approve: listeningRightsToApprove,
  disclosure_window_ending: disclosureWindowsEnding,
  legal_hold_long_open: longOpenLegalHolds,
  access_request_deadline_near: accessRequestsNearDeadline,
  quality_setting_changed: qualitySettingChanged,
  account_locked: lockedAccounts,
  processor_agreement_ending: processorAgreementsEnding,
  ingest_refused: ingestRefusals,
  purge_failed: failedPurges,
  review_queue: reviewQueue,
  dispute_open: openDisputes,
  assignment_overdue: overdueAssignments,
  assignment_new: myNewAssignments,
  feedback_new: myNewFeedback,
};

export interface MyInbox {
  items: InboxItem[];
  /** When the person last opened the inbox (null: never). */
  lastSeenAt: string | null;
}

/**
 * What waits for the signed-in person: the domain decides the kinds from their permissions, each finder
 * looks only within the scope of the permission the kind acts with.
 */
export async function findMyInbox({ ctx }: { ctx: AuthedContext }): Promise<MyInbox> {
  const now = ctx.clock.now();
  const [quality, lastSeen] = await Promise.all([
    loadQualitySettings(ctx.db),
    loadLastSeen(ctx.db, ctx.auth.user.id),
  ]);
  const kinds = inboxKindsFor(ctx.auth.actor, { qualityEnabled: quality.enabled });
  const window = {
    now,
    since: sinceLastLook(lastSeen, now),
    legalHoldReviewDays: ctx.config.inboxLegalHoldReviewDays,
  };
  const found: InboxItem[] = [];
  // One kind after another: each may run several queries, and a pool of one (PGlite) must not be flooded.
  for (const kind of kinds) found.push(...(await FINDERS[kind](ctx, window)));
  return { items: found, lastSeenAt: lastSeen?.toISOString() ?? null };
}

/** The badge: how many items wait, per app, from the same computation as the page. */
export async function countMyInbox({
  ctx,
}: {
  ctx: AuthedContext;
}): Promise<{ admin: number; training: number }> {
  const { items } = await findMyInbox({ ctx });
  return {
    admin: items.filter((item) => item.app === "admin").length,
    training: items.filter((item) => item.app === "training").length,
  };
}
