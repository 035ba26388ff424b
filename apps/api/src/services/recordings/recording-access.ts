import type { DbOrTx } from "@kuulo/db/client";
import {
  type ActiveTrainingDisclosure,
  type Assignee,
  activeTrainingDisclosures,
  assignedItemsQuery,
  disclosuresListing,
  playlistAssignedTo,
  type RecordingScope,
} from "@kuulo/db/queries";
import { playlists } from "@kuulo/db/schema";
import {
  type AccessDecision,
  type AccessResource,
  assignmentReach,
  decide,
  type Permission,
  scopeOf,
  type UserActor,
} from "@kuulo/domain/access";
import { and, eq } from "drizzle-orm";
import { effectiveClip } from "../training/item-progress.js";

/**
 * R10's one answer to "may this person have this recording?". This module only gathers the facts
 * (through the SQL twin in @kuulo/db/queries) and asks the domain's `decide()`; the list scope and the
 * single-recording answer come from the same facts, so find, get, count, audio, peaks and the training
 * views cannot disagree.
 */

/** How the listener reached the recording, for the audit row. */
export type ReachVia = "own" | "assigned" | "disclosed" | "unit";

/** The person as an assignment must name them, as the domain says (by name, or the units of their role). */
export function assigneeOf(actor: UserActor): Assignee {
  const reach = assignmentReach(actor);
  return { userId: actor.userId, unitIds: reach.unitIds, allUnits: reach.all };
}

/** The domain's scope of `permission` for this person, as the SQL scope every list applies. */
export function recordingScopeOf(actor: UserActor, permission: Permission): RecordingScope {
  const scope = scopeOf(actor, permission);
  if (scope.all) return { all: true };
  return {
    all: false,
    unitIds: scope.unitIds,
    staffMemberIds: scope.relations.includes("own") && actor.staffMemberId ? [actor.staffMemberId] : [],
    assignedTo: scope.relations.includes("assigned") ? assigneeOf(actor) : undefined,
    disclosureIds: scope.relations.includes("disclosed") ? actor.disclosureIds : [],
  };
}

/** The facts of one recording that the domain needs besides the relations. */
export interface RecordingFacts {
  id: string;
  unitId: string;
  organisationId: string;
  staffMemberId: string;
  durationMs: number;
}

/** A playlist item that reaches the person: the only part of the call it grants is its clip. */
export interface AssignedClip {
  itemId: string;
  playlistId: string;
  startMs: number;
  endMs: number;
}

export type RecordingReach =
  | { allowed: false; decision: AccessDecision }
  /** The whole recording (unit, own call, disclosure). */
  | { allowed: true; decision: AccessDecision; via: ReachVia; clips: null; disclosureId: string | null }
  /** Only through playlist items: nothing but these clips. */
  | { allowed: true; decision: AccessDecision; via: "assigned"; clips: AssignedClip[]; disclosureId: null };

/**
 * The per-recording answer. The whole call is decided first without the "assigned" fact; only when
 * that refuses does a playlist item count, and then it grants its clips and nothing more.
 */
export async function decideRecordingAccess(
  db: DbOrTx,
  actor: UserActor,
  permission: Permission,
  recording: RecordingFacts,
): Promise<RecordingReach> {
  const scope = recordingScopeOf(actor, permission);
  const facts: AccessResource = {
    unitId: recording.unitId,
    organisationId: recording.organisationId,
    ownerStaffMemberId: recording.staffMemberId,
  };
  const disclosing = scope.all ? [] : await disclosuresListing(db, scope.disclosureIds ?? [], recording.id);
  facts.disclosedToActor = disclosing.length > 0;
  const whole = decide(actor, permission, facts);
  if (whole.allowed) {
    const via = viaOf(whole);
    const disclosureId = via === "disclosed" ? (disclosing[0] ?? null) : null;
    return { allowed: true, decision: whole, via, clips: null, disclosureId };
  }
  const items =
    !scope.all && scope.assignedTo ? await assignedItemsQuery(db, scope.assignedTo, recording.id) : [];
  const clipped = decide(actor, permission, { ...facts, assignedToActor: items.length > 0 });
  if (!clipped.allowed) return { allowed: false, decision: clipped };
  const clips = items
    .map((item) => ({
      itemId: item.itemId,
      playlistId: item.playlistId,
      ...effectiveClip(item, recording.durationMs),
    }))
    .sort((a, b) => a.startMs - b.startMs || a.itemId.localeCompare(b.itemId));
  return { allowed: true, decision: clipped, via: "assigned", clips, disclosureId: null };
}

const viaOf = (decision: AccessDecision): ReachVia => decision.via?.relation ?? "unit";

/** A clip-only listener gets the clip and this much on each side, never more (decoder warm-up). */
export const CLIP_MARGIN_MS = 500;

/** The part of the recording served for a clip: the clip plus the margin, inside the recording. */
export function clipWindow(clip: { startMs: number; endMs: number }, durationMs: number) {
  return {
    startMs: Math.max(0, clip.startMs - CLIP_MARGIN_MS),
    endMs: Math.min(durationMs, clip.endMs + CLIP_MARGIN_MS),
  };
}

/** The "assigned" fact for a playlist: published, and an assignment reaches the person. */
export async function isPlaylistAssignedTo(
  db: DbOrTx,
  actor: UserActor,
  playlistId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: playlists.id })
    .from(playlists)
    .where(and(eq(playlists.id, playlistId), playlistAssignedTo(db, assigneeOf(actor))))
    .limit(1);
  return rows.length > 0;
}

/**
 * The person's active training disclosures that the domain lets them use (R6a): those it counts for
 * `recording.listen` ("disclosed"), with their windows and recordings, as the disclosed views list them.
 */
export async function activeDisclosuresOf(
  db: DbOrTx,
  actor: UserActor,
  now: Date,
): Promise<ActiveTrainingDisclosure[]> {
  const scope = recordingScopeOf(actor, "recording.listen");
  const usable = new Set(scope.all ? [] : (scope.disclosureIds ?? []));
  if (usable.size === 0) return [];
  return (await activeTrainingDisclosures(db, actor.userId, now)).filter((disclosure) =>
    usable.has(disclosure.id),
  );
}
