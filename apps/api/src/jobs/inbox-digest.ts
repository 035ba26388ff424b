import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "@kuulo/db/client";
import { claimJob, finishJob } from "@kuulo/db/queries";
import { jobs, organisations, users } from "@kuulo/db/schema";
import { calendarDay, DIGEST_KIND_TEXTS, DIGEST_TEXTS, type InboxItemKind } from "@kuulo/domain/inbox";
import { and, eq, isNotNull } from "drizzle-orm";
import type { AuthState } from "../auth/auth-state.js";
import { loadGrants } from "../auth/sessions.js";
import { sendMail } from "../email/mailer.js";
import type { Config } from "../env.js";
import type { AppPlugin } from "../server/build-app.js";
import { findMyInbox } from "../services/inbox/find-mine.js";
import type { AppDeps, AuthedContext } from "../services/shared/service-context.js";

export const INBOX_DIGEST_JOB_NAME = "inbox.digest";
const TIME_ZONE = "Europe/Helsinki";
const CHECK_EVERY_MS = 10 * 60_000;

export interface DigestResult {
  day: string;
  sent: number;
  failed: number;
}

const hourIn = (at: Date) =>
  Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", hourCycle: "h23" }).format(at),
  );

/**
 * The person as the inbox sees them, without a session: the same grants and relations a sign-in would give,
 * so the e-mail counts exactly what the page would show.
 */
async function digestAuth(db: Database, userId: string, now: Date): Promise<AuthState | null> {
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  if (!row) return null;
  const grants = await loadGrants(db, userId);
  const { user, organisation } = row;
  return {
    session: {
      id: "inbox-digest",
      stage: "full",
      createdAt: now,
      lastActiveAt: now,
      idleExpiresAt: now,
      absoluteExpiresAt: now,
    },
    user: {
      id: user.id,
      username: user.username,
      firstName: user.firstName,
      lastName: user.lastName,
      organisationId: user.organisationId,
      staffMemberId: user.staffMemberId,
      totpEnabled: user.totpEnabledAt !== null,
      mustChangePassword: user.mustChangePassword,
      locale: user.locale === "en" ? "en" : user.locale === "fi" ? "fi" : null,
    },
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
    grants,
    roles: [...new Set(grants.map((grant) => grant.role))],
    actor: {
      kind: "user",
      userId: user.id,
      organisationId: user.organisationId,
      grants: grants.map((grant) => ({ role: grant.role, unitId: grant.unitId })),
      staffMemberId: user.staffMemberId,
      disclosureIds: [],
    },
  };
}

/** Kinds and counts only, in the person's language, with links to both apps' inboxes. */
export function digestText(
  items: { kind: InboxItemKind; app: "admin" | "training"; count: number | null }[],
  lang: "fi" | "en",
  linkOrigin: string,
): { subject: string; text: string } {
  const texts = DIGEST_TEXTS[lang];
  const perKind = new Map<InboxItemKind, number>();
  for (const item of items) perKind.set(item.kind, (perKind.get(item.kind) ?? 0) + (item.count ?? 1));
  const lines = [...perKind].map(([kind, count]) => `- ${count} ${DIGEST_KIND_TEXTS[kind][lang]}`);
  const apps = [...new Set(items.map((item) => item.app))].map((app) =>
    app === "admin" ? `${linkOrigin}/admin/inbox` : `${linkOrigin}/inbox`,
  );
  return {
    subject: texts.subject.replace("{count}", String(items.length)),
    text: [texts.intro, "", ...lines, "", texts.open, ...apps, "", texts.footer, ""].join("\n"),
  };
}

/**
 * Once a day, after the configured hour: every active person with an e-mail address and something waiting
 * gets one message. The database lease makes one instance send it; the day sent is kept in the job's state.
 */
export async function runInboxDigest(
  deps: Pick<AppDeps, "db" | "clock" | "log" | "masterKey"> & { config: Config },
  instanceId: string,
): Promise<DigestResult | null> {
  const email = deps.config.email;
  if (!email) return null;
  const now = deps.clock.now();
  const day = calendarDay(now, TIME_ZONE);
  if (hourIn(now) < email.digestHour) return null;
  const [job] = await deps.db.select().from(jobs).where(eq(jobs.name, INBOX_DIGEST_JOB_NAME));
  if (job?.state.lastDay === day) return null;
  if (
    !(await claimJob(deps.db, { name: INBOX_DIGEST_JOB_NAME, instanceId, now, leaseMs: CHECK_EVERY_MS * 3 }))
  )
    return null;
  // Another instance may have sent today's digest between our first look and the claim.
  const [claimed] = await deps.db.select().from(jobs).where(eq(jobs.name, INBOX_DIGEST_JOB_NAME));
  if (claimed?.state.lastDay === day) {
    await finishJob(deps.db, { name: INBOX_DIGEST_JOB_NAME, instanceId, now, state: claimed.state });
    return null;
  }
  const result: DigestResult = { day, sent: 0, failed: 0 };
  try {
    const recipients = await deps.db
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.status, "active"), isNotNull(users.email)));
    for (const recipient of recipients) {
      const auth = await digestAuth(deps.db, recipient.id, now);
      if (!auth || !recipient.email) continue;
      const ctx = {
        ...deps,
        auth,
        request: { ip: "127.0.0.1", userAgent: "inbox-digest" },
        sessionToken: null,
        cookies: { set() {}, clear() {} },
      } satisfies AuthedContext;
      const { items } = await findMyInbox({ ctx });
      if (items.length === 0) continue;
      const mail = digestText(items, recipient.locale === "en" ? "en" : "fi", email.linkOrigin);
      try {
        await sendMail(email, { to: recipient.email, ...mail });
        result.sent += 1;
      } catch (error) {
        result.failed += 1;
        deps.log.warn({ err: error instanceof Error ? error.name : "error" }, "inbox digest not sent");
      }
    }
  } finally {
    await finishJob(deps.db, {
      name: INBOX_DIGEST_JOB_NAME,
      instanceId,
      now: deps.clock.now(),
      state: { lastDay: day, sent: result.sent, failed: result.failed },
    });
  }
  return result;
}

/** Looks every ten minutes whether today's digest is due; off while e-mail is off. */
export const inboxDigestPlugin: AppPlugin = (app, deps) => {
  if (!deps.config.email) return;
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runInboxDigest(deps, instanceId)
      .catch((error) => deps.log.error({ err: error }, "inbox digest failed; the next check retries"))
      .finally(() => {
        running = null;
      });
  }, CHECK_EVERY_MS);
  timer.unref();
  app.addHook("onClose", async () => {
    clearInterval(timer);
    await running;
  });
};
