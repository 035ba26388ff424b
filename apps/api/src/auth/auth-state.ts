import type { Grant, Role, UserActor } from "@kuulo/domain/access";
import type { Locale } from "@kuulo/domain/register";

/**
 * What a session may do:
 * - full: everything the user's grants allow;
 * - second_factor: password accepted, only `auth.verifySecondFactor` (and sign-out) allowed;
 * - enrolment: the user's role requires TOTP and none is enrolled; only enrolment allowed.
 */
export type SessionStage = "full" | "second_factor" | "enrolment";

export interface SessionView {
  id: string;
  stage: SessionStage;
  createdAt: Date;
  lastActiveAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export interface UserView {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  organisationId: string;
  staffMemberId: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  /** The language chosen on the account; null when none was chosen. */
  locale: Locale | null;
}

export interface OrganisationView {
  id: string;
  name: string;
  kind: "controller" | "processor";
}

export interface GrantView extends Grant {
  id: string;
  /** The granted unit's code and name as the session's facts were read (a rename moves the auth epoch). */
  unitCode: string | null;
  unitName: string | null;
}

export interface AuthState {
  session: SessionView;
  user: UserView;
  organisation: OrganisationView;
  grants: GrantView[];
  roles: Role[];
  actor: UserActor;
}
