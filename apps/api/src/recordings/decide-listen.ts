import type { DbOrTx } from "@kuulo/db/client";
import { type AccessDecision, type AccessResource, decide, type Permission } from "@kuulo/domain/access";
import type { AuthState } from "../auth/auth-state.js";
import { isRecordingAssignedTo, isRecordingDisclosedTo } from "./recording-relations.js";

export interface ListenTarget {
  id: string;
  unitId: string;
  organisationId: string;
  staffMemberId: string;
}

/** How the listener reached the recording, for the audit row: own, assigned, disclosed or unit. */
export type ListenVia = "own" | "assigned" | "disclosed" | "unit";

export const viaOf = (decision: AccessDecision): ListenVia => decision.via?.relation ?? "unit";

/**
 * The domain policy for one person and one recording (R10): unit scope and own calls first; only when
 * those do not reach it, the relation facts that need queries (assigned playlist, training disclosure).
 */
export async function decideRecordingAccess(
  db: DbOrTx,
  auth: AuthState,
  permission: Permission,
  recording: ListenTarget,
  now: Date,
): Promise<AccessDecision> {
  const facts: AccessResource = {
    unitId: recording.unitId,
    organisationId: recording.organisationId,
    ownerStaffMemberId: recording.staffMemberId,
  };
  const direct = decide(auth.actor, permission, facts);
  if (direct.allowed) return direct;
  const assignedToActor = await isRecordingAssignedTo(db, recording.id, auth.actor);
  const disclosedToActor =
    auth.actor.disclosureIds.length > 0 &&
    (await isRecordingDisclosedTo(db, recording.id, { userId: auth.user.id }, now));
  return decide(auth.actor, permission, { ...facts, assignedToActor, disclosedToActor });
}
