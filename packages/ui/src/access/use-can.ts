import {
  type AccessResource,
  can,
  hasPermissionSomewhere,
  type Permission,
  type UserActor,
} from "@kuulo/domain/access";
import { useMemo } from "react";
import { type Me, useMe } from "../session/me-context.js";

export type CanFn = (permission: Permission, resource?: AccessResource) => boolean;

export function actorFromMe(me: Me): UserActor {
  return {
    kind: "user",
    userId: me.user.id,
    organisationId: me.organisation.id,
    grants:
      me.session.stage === "full"
        ? me.grants.map((grant) => ({ role: grant.role, unitId: grant.unitId }))
        : [],
    // Relations (own calls, disclosures) are resource facts the admin UI never decides on.
    staffMemberId: null,
    disclosureIds: [],
  };
}

/**
 * The domain's own `can()` over the signed-in person's grants, so a button is shown exactly when
 * the API would allow the call. Without a resource it asks the procedure-level question
 * ("holds it in some scope"), which is what the API checks before loading anything.
 */
export function useCan(): CanFn {
  const me = useMe();
  return useMemo(() => {
    const actor = actorFromMe(me);
    return (permission, resource) =>
      resource ? can(actor, permission, resource) : hasPermissionSomewhere(actor, permission);
  }, [me]);
}
