import {
  type AccessScope,
  type Grant,
  PERMISSIONS,
  type Permission,
  ROLE_PERMISSIONS,
  SELF_PERMISSIONS,
} from "@kuulo/domain/access";

export interface AccessReason {
  role: Grant["role"] | "self";
  scope: AccessScope;
  /** For unit scope: the grant's unit (null = all units). */
  unitId: string | null;
}

export interface PermissionAccess {
  permission: Permission;
  reasons: AccessReason[];
}

/**
 * What a person may do and why, read from the domain's role matrix (the same table `can()` uses):
 * for each permission, every grant that gives it and the scope it reaches.
 */
export function explainGrants(grants: readonly Grant[]): PermissionAccess[] {
  return PERMISSIONS.map((permission) => {
    const reasons: AccessReason[] = [];
    if (SELF_PERMISSIONS.includes(permission)) reasons.push({ role: "self", scope: "own", unitId: null });
    for (const grant of grants) {
      for (const scope of ROLE_PERMISSIONS[grant.role][permission] ?? []) {
        reasons.push({ role: grant.role, scope, unitId: scope === "unit" ? grant.unitId : null });
      }
    }
    return { permission, reasons };
  });
}

export const resourceOf = (permission: Permission): string => permission.split(".")[0] ?? permission;

/** Groups by resource (user, grant, recording…) in the order PERMISSIONS lists them. */
export function groupByResource(entries: PermissionAccess[]): Map<string, PermissionAccess[]> {
  const groups = new Map<string, PermissionAccess[]>();
  for (const entry of entries) {
    const key = resourceOf(entry.permission);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}
