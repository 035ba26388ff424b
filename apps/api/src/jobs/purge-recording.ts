import { type AuditEventInput, appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import {
  playlistItems,
  qualityEvaluations,
  qualityMoments,
  recordings,
  staffMembers,
  users,
} from "@kuulo/db/schema";
import { and, eq, isNull, notExists, sql } from "drizzle-orm";
import type { ErasureJournal } from "../backup/erasure-journal.js";

export type PurgeReason = "retention" | "erasure";

export interface PurgeActor {
  actorType: AuditEventInput["actorType"];
  actorId: string | null;
  actorLabel: string | null;
  ip: string | null;
}

export interface PurgedRecording {
  recordingId: string;
  category: string;
  dueAt: string | null;
  storageKey: string;
  staffMemberRemoved: boolean;
}

/**
 * Removes one recording in one transaction (R13): row locked with SKIP LOCKED (a concurrent purge owns
 * it), wrapped key nulled (crypto-erase), playlist items marked removed, the row deleted, a staff member
 * left without recordings or account deleted, and a tombstone audit row with no personal data. Returns
 * null when skipped (locked, gone, held, or not due). The caller deletes the stored object after commit.
 * The erasure journal line is written before the commit: if it cannot be written nothing is erased, and a
 * line whose commit then failed names a recording whose removal was decided anyway (replay finishes it).
 */
export async function purgeRecording(
  db: Database,
  input: {
    recordingId: string;
    now: Date;
    reason: PurgeReason;
    requireDue: boolean;
    actor: PurgeActor;
    note?: string;
    /**
     * Where the erasure is recorded outside the database; `{ replayOf }` when the journal itself is being
     * replayed after a restore (the entry exists already, its date goes into the tombstone).
     */
    journal: ErasureJournal | { replayOf: { erasedAt: string } };
  },
): Promise<PurgedRecording | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: recordings.id,
        storageKey: recordings.storageKey,
        category: recordings.retentionCategory,
        dueAt: recordings.purgeDueAt,
        legalHold: recordings.legalHold,
        staffMemberId: recordings.staffMemberId,
      })
      .from(recordings)
      .where(eq(recordings.id, input.recordingId))
      .for("update", { skipLocked: true });
    if (!row || row.legalHold) return null;
    if (input.requireDue && (!row.dueAt || row.dueAt.getTime() > input.now.getTime())) return null;
    await tx.update(recordings).set({ wrappedDataKey: null, peaks: null }).where(eq(recordings.id, row.id));
    // Quality feedback and evaluations go with the recording (cascade); the tombstone keeps only counts.
    const [quality] = await tx
      .select({
        evaluations: sql<number>`(select count(*)::int from ${qualityEvaluations} where ${qualityEvaluations.recordingId} = ${row.id})`,
        moments: sql<number>`(select count(*)::int from ${qualityMoments} where ${qualityMoments.recordingId} = ${row.id})`,
      })
      .from(sql`(select 1) as one`);
    await tx
      .update(playlistItems)
      .set({ recordingId: null, removedReason: input.reason })
      .where(eq(playlistItems.recordingId, row.id));
    await tx.delete(recordings).where(eq(recordings.id, row.id));
    // Staff data is register data too: it goes with the last recording unless an account links to it.
    const removedStaff = await tx
      .delete(staffMembers)
      .where(
        and(
          eq(staffMembers.id, row.staffMemberId),
          isNull(staffMembers.userId),
          notExists(
            tx
              .select({ id: recordings.id })
              .from(recordings)
              .where(eq(recordings.staffMemberId, row.staffMemberId)),
          ),
          notExists(
            tx.select({ id: users.id }).from(users).where(eq(users.staffMemberId, row.staffMemberId)),
          ),
        ),
      )
      .returning({ id: staffMembers.id });
    const dueAt = row.dueAt?.toISOString() ?? null;
    await appendAuditEvent(tx, {
      ...input.actor,
      occurredAt: input.now,
      action: input.reason === "retention" ? "recording.purge" : "recording.erase",
      targetType: "recording",
      targetId: row.id,
      outcome: "success",
      details: {
        category: row.category,
        dueAt,
        reason: input.reason,
        ...(input.note ? { note: input.note } : {}),
        ...("replayOf" in input.journal ? { replayedFromJournal: input.journal.replayOf.erasedAt } : {}),
        ...(Number(quality?.evaluations) > 0 ? { qualityEvaluations: Number(quality?.evaluations) } : {}),
        ...(Number(quality?.moments) > 0 ? { qualityMoments: Number(quality?.moments) } : {}),
        ...(removedStaff.length > 0 ? { staffMemberRemoved: removedStaff[0]?.id } : {}),
      },
    });
    if ("append" in input.journal) {
      await input.journal.append({
        target: "recording",
        id: row.id,
        storageKey: row.storageKey,
        reason: input.reason,
        erasedAt: input.now.toISOString(),
      });
    }
    return {
      recordingId: row.id,
      category: row.category,
      dueAt,
      storageKey: row.storageKey,
      staffMemberRemoved: removedStaff.length > 0,
    };
  });
}
