import { auditEvents, legalHolds, recordings, staffMembers, users } from "@kuulo/db/schema";
import {
  accessRequestDeadline,
  endsWithinDays,
  isAccessRequestDeadlineNear,
  openLongerThanDays,
} from "@kuulo/domain/inbox";
import { and, asc, desc, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import { findDisclosures } from "../disclosures/find.js";
import { findListeningRequests } from "../grants/find-listening-requests.js";
import { unitScope } from "../shared/authorize.js";
import { fullName, type InboxFinder, type InboxItem } from "./inbox-item.js";

const PAGE = 100;

async function peopleNames(ctx: Parameters<InboxFinder>[0], ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, fullName(row)]));
}

/** Four eyes: a disclosure someone else prepared, within the officer's units (findDisclosures scopes it). */
export const disclosuresToApprove: InboxFinder = async (ctx) => {
  const { items } = await findDisclosures({ ctx, input: { status: "pending_approval", limit: PAGE } });
  const mine = ctx.auth.user.id;
  const others = items.filter((item) => item.preparedBy !== null && item.preparedBy.id !== mine);
  const names = await peopleNames(
    ctx,
    others.flatMap((item) => (item.preparedBy ? [item.preparedBy.id] : [])),
  );
  return others.map(
    (item): InboxItem => ({
      kind: "disclosure_to_approve",
      key: `disclosure_to_approve:${item.id}`,
      app: "admin",
      path: `/disclosures/${item.id}`,
      at: item.createdAt.toISOString(),
      count: null,
      names: { person: names.get(item.preparedBy?.id ?? "") ?? "", disclosureKind: item.kind },
    }),
  );
};

/** R10 separation of duties: requests the officer may decide, never their own or about themselves. */
export const listeningRightsToApprove: InboxFinder = async (ctx) => {
  const mine = ctx.auth.user.id;
  const requests = await findListeningRequests({ ctx });
  return requests
    .filter((request) => request.user.id !== mine && request.requestedBy?.id !== mine)
    .map((request) => ({
      kind: "listening_right_to_approve",
      key: `listening_right_to_approve:${request.id}`,
      app: "admin",
      path: "/approvals",
      at: request.requestedAt,
      count: null,
      names: { person: fullName(request.user) },
    }));
};

/** A training disclosure's NDA window closing within two weeks: extend, or let it end on purpose. */
export const disclosureWindowsEnding: InboxFinder = async (ctx, { now }) => {
  const { items } = await findDisclosures({
    ctx,
    input: { kind: "training", status: "active", limit: PAGE },
  });
  return items
    .filter((item) => item.validUntil !== null && endsWithinDays(item.validUntil, now))
    .map((item) => ({
      kind: "disclosure_window_ending",
      key: `disclosure_window_ending:${item.id}`,
      app: "admin",
      path: `/disclosures/${item.id}`,
      at: item.validUntil?.toISOString() ?? null,
      count: null,
      names: { person: typeof item.fields.recipientName === "string" ? item.fields.recipientName : "" },
    }));
};

/** GDPR Art. 12(3): an open access request within a week of its one-month deadline (or past it). */
export const accessRequestsNearDeadline: InboxFinder = async (ctx, { now }) => {
  const open = await Promise.all(
    (["draft", "pending_approval", "active"] as const).map((status) =>
      findDisclosures({ ctx, input: { kind: "access_request", status, limit: PAGE } }),
    ),
  );
  return open
    .flatMap((page) => page.items)
    .filter((item) => isAccessRequestDeadlineNear(item.createdAt, now))
    .map((item) => ({
      kind: "access_request_deadline_near",
      key: `access_request_deadline_near:${item.id}`,
      app: "admin",
      path: `/disclosures/${item.id}`,
      at: accessRequestDeadline(item.createdAt).toISOString(),
      count: null,
      names: { person: typeof item.fields.requesterName === "string" ? item.fields.requesterName : "" },
    }));
};

/** Holds on calls of the officer's units, open longer than the installation's review period. */
export const longOpenLegalHolds: InboxFinder = async (ctx, { now, legalHoldReviewDays }) => {
  const scope = unitScope(ctx, "legal_hold.release");
  if (!scope.all && scope.unitIds.length === 0) return [];
  const cutoff = new Date(now.getTime() - legalHoldReviewDays * 24 * 60 * 60 * 1000);
  const rows = await ctx.db
    .select({
      id: legalHolds.id,
      placedAt: legalHolds.placedAt,
      firstName: staffMembers.firstName,
      lastName: staffMembers.lastName,
    })
    .from(legalHolds)
    .innerJoin(recordings, eq(recordings.id, legalHolds.recordingId))
    .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .where(
      and(
        isNull(legalHolds.releasedAt),
        lt(legalHolds.placedAt, cutoff),
        scope.all ? undefined : inArray(recordings.unitId, scope.unitIds),
      ),
    )
    .orderBy(asc(legalHolds.placedAt))
    .limit(PAGE);
  return rows
    .filter((row) => openLongerThanDays(row.placedAt, now, legalHoldReviewDays))
    .map((row) => ({
      kind: "legal_hold_long_open",
      key: `legal_hold_long_open:${row.id}`,
      app: "admin",
      path: "/retention",
      at: row.placedAt.toISOString(),
      count: null,
      names: { person: fullName(row) },
    }));
};

/** Switching quality review on or off changes what the register declares; the officer hears of it. */
export const qualitySettingChanged: InboxFinder = async (ctx, { since }) => {
  const rows = await ctx.db
    .select({
      occurredAt: auditEvents.occurredAt,
      actorId: auditEvents.actorId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, "quality.settings_update"),
        eq(auditEvents.outcome, "success"),
        gt(auditEvents.occurredAt, since),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt))
    .limit(PAGE);
  const switched = rows.filter((row) => row.details.enabled !== row.details.wasEnabled);
  const names = await peopleNames(
    ctx,
    switched.flatMap((row) => (row.actorId ? [row.actorId] : [])),
  );
  return switched.map((row) => ({
    kind: "quality_setting_changed",
    key: `quality_setting_changed:${row.occurredAt.toISOString()}`,
    app: "admin",
    path: "/quality",
    at: row.occurredAt.toISOString(),
    count: null,
    names: { person: names.get(row.actorId ?? "") ?? "", enabled: row.details.enabled === true },
  }));
};
