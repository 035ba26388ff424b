import type { Role } from "./roles.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Idle and absolute session limits (ASVS 7.3.1/7.3.2): both apply, the stricter one wins. */
export const SESSION_POLICY = {
  idleMs: 30 * MINUTE_MS,
  /** Roles that can change access or see the audit trail get a shorter idle timeout. */
  idleMsByRole: { administrator: 15 * MINUTE_MS, privacy_officer: 15 * MINUTE_MS } as Readonly<
    Partial<Record<Role, number>>
  >,
  absoluteMs: 10 * HOUR_MS,
  /** External trainers: one working day, and never past their disclosure's end (checked by the API). */
  absoluteMsByRole: { external_trainer: 8 * HOUR_MS } as Readonly<Partial<Record<Role, number>>>,
} as const;

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** The limits for a person holding these roles: the strictest of each applies. */
export const sessionLimitsFor = (roles: readonly Role[]): SessionLimits => ({
  idleMs: Math.min(
    SESSION_POLICY.idleMs,
    ...roles.map((role) => SESSION_POLICY.idleMsByRole[role] ?? Infinity),
  ),
  absoluteMs: Math.min(
    SESSION_POLICY.absoluteMs,
    ...roles.map((role) => SESSION_POLICY.absoluteMsByRole[role] ?? Infinity),
  ),
});
