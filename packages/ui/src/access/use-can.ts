import { type AccessResource, can, type Permission, type UserActor } from "@kuulo/domain/access";
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
    // The same relation facts the API's actor has, so own calls and disclosed recordings answer alike.
    staffMemberId: me.user.staffMemberId,
    disclosureIds: me.session.stage === "full" ? me.disclosureIds : [],
  };
}

/**
 * The same answers the API gives. Without a resource: the procedure-level question ("holds it in some
 * scope"), read from `me.permissions`, which the API computes with the domain's explainAccess over the
 * full actor (including disclosures). With a resource: the domain's `can()` over the person's grants.
 */
export function useCan(): CanFn {
  const me = useMe();
  return useMemo(() => {
    const actor = actorFromMe(me);
    const held = new Set(me.permissions.map((entry) => entry.permission));
    return (permission, resource) => (resource ? can(actor, permission, resource) : held.has(permission));
  }, [me]);
}
