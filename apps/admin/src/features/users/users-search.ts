import { ROLES, type Role } from "@kuulo/domain/access";

export const USER_STATUS_FILTERS = ["active", "deactivated", "locked", "blocked"] as const;
export type UserStatusFilter = (typeof USER_STATUS_FILTERS)[number];

/** The users list keeps its filters in the URL, so a reload or a shared link shows the same list. */
export interface UsersSearch {
  q?: string;
  organisationId?: string;
  unitId?: string;
  role?: Role;
  status?: UserStatusFilter;
  page?: number;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim().length > 0 ? value.trim().slice(0, 200) : undefined;

export function parseUsersSearch(search: Record<string, unknown>): UsersSearch {
  const role = text(search.role);
  const status = text(search.status);
  const page = Number(search.page);
  const result: UsersSearch = {};
  const q = text(search.q);
  if (q) result.q = q;
  const organisationId = text(search.organisationId);
  if (organisationId) result.organisationId = organisationId;
  const unitId = text(search.unitId);
  if (unitId) result.unitId = unitId;
  if (role && (ROLES as readonly string[]).includes(role)) result.role = role as Role;
  if (status && (USER_STATUS_FILTERS as readonly string[]).includes(status)) result.status = status as UserStatusFilter;
  if (Number.isInteger(page) && page > 1) result.page = page;
  return result;
}
