import { ROLE_PERMISSIONS } from "./role-permissions.js";
import type { Role } from "./roles.js";

/**
 * R10, "managing users does not by itself let anyone listen": a role lets its holder listen when the
 * matrix gives it `recording.listen` in any scope. Derived, so a role that gains listening later is
 * covered by the four-eyes approval of listening grants without another list to update.
 */
export function roleLetsListen(role: Role): boolean {
  return (ROLE_PERMISSIONS[role]["recording.listen"]?.length ?? 0) > 0;
}

export const LISTENING_ROLES: readonly Role[] = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter(
  roleLetsListen,
);
