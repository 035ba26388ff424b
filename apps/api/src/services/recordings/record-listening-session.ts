import { createHash } from "node:crypto";
import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database, DbOrTx } from "@kuulo/db/client";
import { auditEvents } from "@kuulo/db/schema";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { ReachVia } from "./recording-access.js";

/** Range requests of one recording within this window of the last listen event belong to one session. */
export const LISTENING_SESSION_MS = 30 * 60 * 1000;

export interface ListeningSession {
  userId: string;
  username: string;
  /** The sign-in session's id; only a one-way tag of it reaches the audit log. */
  sessionId: string;
  recordingId: string;
  unitId: string;
  via: ReachVia;
  playlistId: string | null;
  /** The training disclosure that allowed a "disclosed" listen, so its trail need not guess. */
  disclosureId?: string | null;
  /** For a clip-only listener: the item and the window of the call that was served. */
  clip?: { playlistItemId: string; startMs: number; endMs: number } | null;
  ip: string | null;
  now: Date;
}

/** The one-way tag of a sign-in session that a listen row carries (also what the load test checks). */
export const listeningSessionTag = (sessionId: string) =>
  createHash("sha256").update("kuulo/listening-session/v1").update(sessionId).digest("hex").slice(0, 32);

/** The latest listen event of this listening session still inside the window, if any. */
async function alreadyRecorded(db: DbOrTx, session: ListeningSession, tag: string): Promise<Date | null> {
  const rows = await db
    .select({ occurredAt: auditEvents.occurredAt })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, "recording"),
        eq(auditEvents.targetId, session.recordingId),
        eq(auditEvents.action, "recording.listen"),
        eq(auditEvents.actorId, session.userId),
        gte(auditEvents.occurredAt, new Date(session.now.getTime() - LISTENING_SESSION_MS)),
        sql`${auditEvents.details}->>'listeningSession' = ${tag}`,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt))
    .limit(1);
  return rows[0]?.occurredAt ?? null;
}

/** Whether a listen event was written now, and until when this listening session needs no other. */
export interface ListenRecorded {
  written: boolean;
  coveredUntil: Date;
}

const coveredUntil = (occurredAt: Date) => new Date(occurredAt.getTime() + LISTENING_SESSION_MS);

/** Namespace of the per-listening-session advisory locks (the two-int form: namespace, hash of the key). */
const LISTENING_SESSION_LOCK_NAMESPACE = 0x6b75;

/**
 * R14: one `recording.listen` event per listening session, written before any audio is sent. The
 * re-check runs under a lock of this listening session only, so parallel Range requests of one session
 * cannot both write one while other listeners never wait for it.
 */
export async function recordListeningSession(
  db: Database,
  session: ListeningSession,
): Promise<ListenRecorded> {
  const tag = listeningSessionTag(session.sessionId);
  const earlier = await alreadyRecorded(db, session, tag);
  if (earlier) return { written: false, coveredUntil: coveredUntil(earlier) };
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${LISTENING_SESSION_LOCK_NAMESPACE}::int, hashtext(${`${tag}:${session.recordingId}`}))`,
    );
    const raced = await alreadyRecorded(tx, session, tag);
    if (raced) return { written: false, coveredUntil: coveredUntil(raced) };
    await appendAuditEvent(tx, {
      actorType: "user",
      actorId: session.userId,
      actorLabel: session.username,
      action: "recording.listen",
      targetType: "recording",
      targetId: session.recordingId,
      outcome: "success",
      ip: session.ip,
      occurredAt: session.now,
      details: {
        listeningSession: tag,
        via: session.via,
        unitId: session.unitId,
        ...(session.playlistId ? { playlistId: session.playlistId } : {}),
        ...(session.disclosureId ? { disclosureId: session.disclosureId } : {}),
        ...(session.clip
          ? {
              playlistItemId: session.clip.playlistItemId,
              window: { startMs: session.clip.startMs, endMs: session.clip.endMs },
            }
          : {}),
      },
    });
    return { written: true, coveredUntil: coveredUntil(session.now) };
  });
}
