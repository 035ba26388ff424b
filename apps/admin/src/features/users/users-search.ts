import { ROLES, type Role } from "@kuulo/domain/access";

export const USER_STATUS_FILTERS = ["active", "deactivated"] as const;
export type UserStatusFilter = (typeof USER_STATUS_FILTERS)[number];

/** The users list keeps its filters in the URL, so a reload or a shared link shows the same list. */
export interface UsersSearch {
  q?: string;
  organisationId?: string;
  unitId?: string;
  role?: Role;
  status?: UserStatusFilter;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim().length > 0 ? value.trim().slice(0, 100) : undefined;
const uuid = (value: unknown): string | undefined => {
  const candidate = text(value);
  return candidate && UUID.test(candidate) ? candidate : undefined;
};

/** Anything malformed in the URL is dropped rather than sent to the API. */
export function parseUsersSearch(search: Record<string, unknown>): UsersSearch {
  const result: UsersSearch = {};
  const q = text(search.q);
  if (q) result.q = q;
  const organisationId = uuid(search.organisationId);
  if (organisationId) result.organisationId = organisationId;
  const unitId = uuid(search.unitId);
  if (unitId) result.unitId = unitId;
  const role = text(search.role);
  if (role && (ROLES as readonly string[]).includes(role)) result.role = role as Role;
  const status = text(search.status);
  if (status && (USER_STATUS_FILTERS as readonly string[]).includes(status))
    result.status = status as UserStatusFilter;
  return result;
}
