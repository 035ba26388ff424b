import { auditEvents, jobRuns, loginThrottles, roleGrants, users } from "@kuulo/db/schema";
import { endsWithinDays } from "@kuulo/domain/inbox";
import { and, asc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { RETENTION_JOB_NAME } from "../../jobs/retention-purge.js";
import { findOrganisations } from "../organisations/find.js";
import { coversUser, unitScope } from "../shared/authorize.js";
import { fullName, type InboxFinder } from "./inbox-item.js";

const PAGE = 100;

/** Accounts locked now (after failed sign-ins or by an administrator) that this administrator may unlock. */
export const lockedAccounts: InboxFinder = async (ctx, { now }) => {
  const scope = unitScope(ctx, "user.unlock");
  if (!scope.all && scope.unitIds.length === 0) return [];
  const throttled = await ctx.db
    .select({ key: loginThrottles.key, lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(gt(loginThrottles.lockedUntil, now));
  const throttledUsernames = throttled.flatMap((row) =>
    row.key.startsWith("user:") ? [row.key.slice("user:".length)] : [],
  );
  const lockedNow = or(
    gt(users.lockedUntil, now),
    throttledUsernames.length > 0 ? inArray(users.username, throttledUsernames) : undefined,
  );
  const rows = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      firstName: users.firstName,
      lastName: users.lastName,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(and(eq(users.status, "active"), lockedNow))
    .orderBy(asc(users.lastName), asc(users.firstName))
    .limit(PAGE);
  if (rows.length === 0) return [];
  const grants = await ctx.db
    .select({ userId: roleGrants.userId, unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(
      and(
        inArray(
          roleGrants.userId,
          rows.map((row) => row.id),
        ),
        isNull(roleGrants.revokedAt),
      ),
    );
  return rows
    .filter((row) =>
      coversUser(
        scope,
        grants.filter((grant) => grant.userId === row.id).map((grant) => grant.unitId),
      ),
    )
    .map((row) => {
      const throttle = throttled.find((entry) => entry.key === `user:${row.username}`)?.lockedUntil ?? null;
      const until = [row.lockedUntil, throttle]
        .filter((date): date is Date => date !== null)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      return {
        kind: "account_locked" as const,
        key: `account_locked:${row.id}`,
        app: "admin" as const,
        path: `/users/${row.id}`,
        at: until?.toISOString() ?? null,
        count: null,
        names: { person: fullName(row) },
      };
    });
};

/** R9: a processor's agreement ending within two weeks; accounts of that organisation depend on it. */
export const processorAgreementsEnding: InboxFinder = async (ctx, { now }) => {
  const organisations = await findOrganisations({ ctx });
  return organisations
    .filter(
      (organisation) =>
        organisation.kind === "processor" &&
        organisation.agreementValidUntil !== null &&
        endsWithinDays(new Date(organisation.agreementValidUntil), now),
    )
    .map((organisation) => ({
      kind: "processor_agreement_ending",
      key: `processor_agreement_ending:${organisation.id}:${organisation.agreementValidUntil}`,
      app: "admin",
      path: "/organisations",
      at: organisation.agreementValidUntil,
      count: null,
      names: { organisation: organisation.name },
    }));
};

/** The recording system refused at the ingest door since the last look (a token expired or revoked?). */
export const ingestRefusals: InboxFinder = async (ctx, { since }) => {
  const rows = await ctx.db
    .select({ occurredAt: auditEvents.occurredAt })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, "access.denied"),
        eq(auditEvents.actorType, "machine"),
        gt(auditEvents.occurredAt, since),
      ),
    )
    .orderBy(asc(auditEvents.occurredAt));
  const last = rows.at(-1);
  if (!last) return [];
  return [
    {
      kind: "ingest_refused",
      key: `ingest_refused:${last.occurredAt.toISOString()}`,
      app: "admin",
      path: "/api-tokens",
      at: last.occurredAt.toISOString(),
      count: rows.length,
      names: {},
    },
  ];
};

/** Retention purge runs that failed since the last look (R13: what is due stays until a run succeeds). */
export const failedPurges: InboxFinder = async (ctx, { since }) => {
  const rows = await ctx.db
    .select({ startedAt: jobRuns.startedAt })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.jobName, RETENTION_JOB_NAME),
        eq(jobRuns.outcome, "failure"),
        gt(jobRuns.startedAt, since),
      ),
    )
    .orderBy(asc(jobRuns.startedAt));
  const last = rows.at(-1);
  if (!last) return [];
  return [
    {
      kind: "purge_failed",
      key: `purge_failed:${last.startedAt.toISOString()}`,
      app: "admin",
      path: "/retention",
      at: last.startedAt.toISOString(),
      count: rows.length,
      names: {},
    },
  ];
};
