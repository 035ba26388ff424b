import type { Role } from "@kuulo/domain/access";
import { useMe } from "@kuulo/ui";
import { useMemo } from "react";

/** The roles the signed-in person holds in some unit; used only to pick which landing page fits them. */
export function useRoles(): ReadonlySet<Role> {
  const me = useMe();
  return useMemo(() => new Set(me.grants.map((grant) => grant.role)), [me]);
}
