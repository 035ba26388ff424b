import { isPermission, type Permission } from "./permissions.js";
import { ROLES, type Role } from "./roles.js";

/** unitId null = all units. */
export interface Grant {
  role: Role;
  unitId: string | null;
}

export interface UserActor {
  kind: "user";
  userId: string;
  organisationId: string;
  grants: Grant[];
  /** The staff member this account is (for "own calls"), if any. */
  staffMemberId: string | null;
  /** Active disclosures made to this person (external trainers). */
  disclosureIds: string[];
}

export interface MachineActor {
  kind: "machine";
  tokenId: string;
  scopes: Permission[];
}

export interface SystemActor {
  kind: "system";
  job: string;
}

export type Actor = UserActor | MachineActor | SystemActor;

/** Facts about the target that the API loads before asking. Missing facts never grant access. */
export interface AccessResource {
  unitId?: string | null;
  ownerStaffMemberId?: string | null;
  assignedToActor?: boolean;
  disclosedToActor?: boolean;
  organisationId?: string;
}

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export const isGrant = (value: unknown): value is Grant => {
  if (typeof value !== "object" || value === null) return false;
  const grant = value as Record<string, unknown>;
  return isRole(grant.role) && (grant.unitId === null || isNonEmptyString(grant.unitId));
};

/** Structural check: anything malformed is treated as having no access at all. */
export const isActor = (value: unknown): value is Actor => {
  if (typeof value !== "object" || value === null) return false;
  const actor = value as Record<string, unknown>;
  switch (actor.kind) {
    case "user":
      return (
        isNonEmptyString(actor.userId) &&
        isNonEmptyString(actor.organisationId) &&
        Array.isArray(actor.grants) &&
        (actor.staffMemberId === null || isNonEmptyString(actor.staffMemberId)) &&
        Array.isArray(actor.disclosureIds) &&
        actor.disclosureIds.every(isNonEmptyString)
      );
    case "machine":
      return (
        isNonEmptyString(actor.tokenId) &&
        Array.isArray(actor.scopes) &&
        actor.scopes.every((scope) => typeof scope === "string")
      );
    case "system":
      return isNonEmptyString(actor.job);
    default:
      return false;
  }
};

export const permissionOrNull = (action: unknown): Permission | null =>
  typeof action === "string" && isPermission(action) ? action : null;
