import { createHash } from "node:crypto";
import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database, DbOrTx } from "@kuulo/db/client";
import { auditEvents } from "@kuulo/db/schema";
import { and, eq, gte, sql } from "drizzle-orm";
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

const sessionTag = (sessionId: string) =>
  createHash("sha256").update("kuulo/listening-session/v1").update(sessionId).digest("hex").slice(0, 32);

async function alreadyRecorded(db: DbOrTx, session: ListeningSession, tag: string): Promise<boolean> {
  const rows = await db
    .select({ seq: auditEvents.seq })
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
    .limit(1);
  return rows.length > 0;
}

/** Namespace of the per-listening-session advisory locks (the two-int form: namespace, hash of the key). */
const LISTENING_SESSION_LOCK_NAMESPACE = 0x6b75;

/**
 * R14: one `recording.listen` event per listening session, written before any audio is sent. The
 * re-check runs under a lock of this listening session only, so parallel Range requests of one session
 * cannot both write one while other listeners never wait for it.
 */
export async function recordListeningSession(db: Database, session: ListeningSession): Promise<boolean> {
  const tag = sessionTag(session.sessionId);
  if (await alreadyRecorded(db, session, tag)) return false;
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${LISTENING_SESSION_LOCK_NAMESPACE}::int, hashtext(${`${tag}:${session.recordingId}`}))`,
    );
    if (await alreadyRecorded(tx, session, tag)) return false;
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
    return true;
  });
}
