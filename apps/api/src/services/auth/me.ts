import { explainAccess, type Permission, type Relation, type Role } from "@kuulo/domain/access";
import type { Locale } from "@kuulo/domain/register";
import type { SessionStage } from "../../auth/auth-state.js";
import type { AuthedContext } from "../shared/service-context.js";

export interface MeResult {
  user: {
    id: string;
    username: string;
    firstName: string;
    lastName: string;
    totpEnabled: boolean;
    mustChangePassword: boolean;
    /** The language chosen on the account (null: none chosen, the browser decides). */
    locale: Locale | null;
    /** The staff member whose calls are this person's own (relation "own"), if linked. */
    staffMemberId: string | null;
  };
  organisation: { id: string; name: string; kind: "controller" | "processor" };
  grants: {
    id: string;
    role: Role;
    unitId: string | null;
    unitCode: string | null;
    unitName: string | null;
  }[];
  /** Where each held permission applies, so a UI can hide what the API would refuse. */
  permissions: { permission: Permission; all: boolean; unitIds: string[]; relations: Relation[] }[];
  /** The active training disclosures naming this person (relation "disclosed"), as the API's can() sees them. */
  disclosureIds: string[];
  /** ISO 8601 UTC timestamps (JSON has no dates). */
  session: { stage: SessionStage; createdAt: string; idleExpiresAt: string; absoluteExpiresAt: string };
}

/** Everything comes from the request's session check (its cached facts carry the grants' units): no query. */
export async function me({ ctx }: { ctx: AuthedContext; input?: undefined }): Promise<MeResult> {
  const { auth } = ctx;
  const full = auth.session.stage === "full";
  return {
    user: {
      id: auth.user.id,
      username: auth.user.username,
      firstName: auth.user.firstName,
      lastName: auth.user.lastName,
      totpEnabled: auth.user.totpEnabled,
      mustChangePassword: auth.user.mustChangePassword,
      locale: auth.user.locale,
      staffMemberId: auth.user.staffMemberId,
    },
    organisation: auth.organisation,
    grants: auth.grants.map((grant) => ({
      id: grant.id,
      role: grant.role,
      unitId: grant.unitId,
      unitCode: grant.unitCode,
      unitName: grant.unitName,
    })),
    // A session still waiting for its second factor may do nothing, so it is shown holding nothing.
    permissions: full
      ? explainAccess(auth.actor)
          .filter((entry) => entry.allowed)
          .map(({ permission, all, unitIds: ids, relations }) => ({
            permission,
            all,
            unitIds: ids,
            relations,
          }))
      : [],
    disclosureIds: full ? auth.actor.disclosureIds : [],
    session: {
      stage: auth.session.stage,
      createdAt: auth.session.createdAt.toISOString(),
      idleExpiresAt: auth.session.idleExpiresAt.toISOString(),
      absoluteExpiresAt: auth.session.absoluteExpiresAt.toISOString(),
    },
  };
}
