import { randomBytes } from "node:crypto";
import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { recordings, roleGrants, users } from "@kuulo/db/schema";
import { computeRetention } from "@kuulo/domain/retention";
import { and, asc, eq, isNull } from "drizzle-orm";
import { loadRetentionPolicy } from "../services/retention/load-policy.js";

const DAY_MS = 86_400_000;
/** The recent calls spread over this many days before the first start. */
export const DEMO_HISTORY_DAYS = 42;
/** Days before their purge at which the two oldest calls stand, so the purge forecast has bars. */
const OLDEST_DUE_IN_DAYS = [20, 45] as const;

export interface DemoHistory {
  calls: number;
  listens: number;
}

const atTimeOfDay = (day: Date, timeOf: Date) => {
  const moved = new Date(day);
  moved.setUTCHours(timeOf.getUTCHours(), timeOf.getUTCMinutes(), 0, 0);
  return moved;
};

/**
 * Demo mode, first start, after the demo calls are imported: gives the demo a past. The calls' call
 * and arrival times are spread over the last weeks (two older ones come due for purge soon, by the
 * retention rule in force), and the demo trainer's listens to them fall on the days after each call.
 * The listens' audit rows carry those past times; the chain links them in the order written.
 */
export async function seedDemoHistory(db: Database, now: Date = new Date()): Promise<DemoHistory> {
  const calls = await db
    .select({ id: recordings.id, unitId: recordings.unitId, callStartedAt: recordings.callStartedAt })
    .from(recordings)
    .where(isNull(recordings.deletedAt))
    .orderBy(asc(recordings.callStartedAt), asc(recordings.id));
  if (calls.length === 0) return { calls: 0, listens: 0 };
  const { policy } = await loadRetentionPolicy(db);
  const recent = calls.length - OLDEST_DUE_IN_DAYS.length;
  const moved = calls.map((call, index) => {
    const daysAgo =
      index < OLDEST_DUE_IN_DAYS.length
        ? policy.ordinaryDays - (OLDEST_DUE_IN_DAYS[index] ?? 0)
        : 1 + Math.round(((DEMO_HISTORY_DAYS - 1) * (calls.length - 1 - index)) / Math.max(1, recent - 1));
    const callStartedAt = atTimeOfDay(new Date(now.getTime() - daysAgo * DAY_MS), call.callStartedAt);
    return { ...call, callStartedAt };
  });
  const [trainer] = await db
    .select({ id: users.id, username: users.username, unitId: roleGrants.unitId })
    .from(users)
    .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, "trainer")))
    .where(eq(users.username, "kouluttaja"));

  return db.transaction(async (tx) => {
    for (const call of moved) {
      const retention = computeRetention(
        { callStartedAt: call.callStartedAt, legalHold: false },
        policy,
        now,
      );
      await tx
        .update(recordings)
        .set({
          callStartedAt: call.callStartedAt,
          // The recording system delivers a call minutes after it ends.
          ingestedAt: new Date(call.callStartedAt.getTime() + 10 * 60_000),
          retentionCategory: retention.category,
          purgeDueAt: retention.dueAt,
        })
        .where(eq(recordings.id, call.id));
    }
    let listens = 0;
    if (trainer?.unitId) {
      const listened = moved
        .slice(OLDEST_DUE_IN_DAYS.length)
        .filter((call) => call.unitId === trainer.unitId);
      for (const [index, call] of listened.entries()) {
        // Listened to one to three days after the call, in the afternoon; never in the future.
        const occurredAt = new Date(
          Math.min(call.callStartedAt.getTime() + (1 + (index % 3)) * DAY_MS + 4 * 3_600_000, now.getTime()),
        );
        await appendAuditEvent(tx, {
          actorType: "user",
          actorId: trainer.id,
          actorLabel: trainer.username,
          action: "recording.listen",
          targetType: "recording",
          targetId: call.id,
          outcome: "success",
          occurredAt,
          details: {
            listeningSession: randomBytes(16).toString("hex"),
            via: "unit",
            unitId: call.unitId,
            demoHistory: true,
          },
        });
        listens += 1;
      }
    }
    return { calls: moved.length, listens };
  });
}
