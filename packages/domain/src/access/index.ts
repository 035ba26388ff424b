export type { AccessWay } from "./access-ways.js";
export {
  type AccessResource,
  type Actor,
  type Grant,
  isActor,
  isGrant,
  type MachineActor,
  type SystemActor,
  type UserActor,
} from "./actor.js";
export { assignmentReach } from "./assignment-reach.js";
export { type AccessDecision, can, decide } from "./decide.js";
export { type EffectiveAccess, explainAccess } from "./explain-access.js";
export { LISTENING_ROLES, roleLetsListen } from "./listening-rights.js";
export { isPermission, PERMISSIONS, type Permission, type ProcedureAccess, PUBLIC } from "./permissions.js";
export {
  type AccessScope,
  MACHINE_PERMISSIONS,
  RELATIONS,
  type Relation,
  ROLE_PERMISSIONS,
  type RolePermissionMatrix,
  SELF_PERMISSIONS,
  SYSTEM_PERMISSIONS,
} from "./role-permissions.js";
export {
  MACHINE_ACTORS,
  type MachineActorKind,
  ROLES,
  ROLES_REQUIRING_SECOND_FACTOR,
  type Role,
} from "./roles.js";
export { type AccessScopeSummary, hasPermissionSomewhere, scopeOf } from "./scope-of.js";
export { SESSION_POLICY, type SessionLimits, sessionLimitsFor } from "./session-policy.js";
