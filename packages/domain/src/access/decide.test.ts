import { describe, expect, it } from "vitest";
import {
  type AccessResource,
  type Actor,
  can,
  decide,
  hasPermissionSomewhere,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
  scopeOf,
  type UserActor,
} from "./index.js";

type Scope = "unit" | "own" | "assigned" | "disclosed";
const U = ["unit"] as const;

// Written out independently of ROLE_PERMISSIONS so that a change to the matrix must change this table.
const EXPECTED: Record<Role, Partial<Record<Permission, readonly Scope[]>>> = {
  administrator: Object.fromEntries(
    [
      "user.read",
      "user.create",
      "user.update",
      "user.deactivate",
      "user.unlock",
      "user.reset_password",
      "user.end_sessions",
      "grant.read",
      "grant.create",
      "grant.revoke",
      "unit.read",
      "unit.create",
      "unit.update",
      "organisation.read",
      "organisation.create",
      "organisation.update",
      "api_token.read",
      "api_token.create",
      "api_token.revoke",
      "audit.read",
      "audit.verify",
      "stats.read",
      "retention.read",
      "quality.configure",
      "quality_form.read",
      "quality_form.manage",
      "evaluation.sample",
    ].map((p) => [p, U]),
  ),
  privacy_officer: Object.fromEntries(
    [
      "audit.read",
      "audit.verify",
      "audit.export",
      "disclosure.read",
      "disclosure.create",
      "disclosure.approve",
      "disclosure.revoke",
      "disclosure.export",
      "legal_hold.place",
      "legal_hold.release",
      "playlist.list_titles",
      "retention.read",
      "retention.update",
      "retention.run",
      "recording.read",
      "recording.listen",
      "recording.erase",
      "user.read",
      "grant.read",
      "grant.approve",
      "quality_form.read",
      "quality_form.manage",
    ].map((p) => [p, U]),
  ),
  trainer: Object.fromEntries(
    [
      "recording.read",
      "recording.listen",
      "playlist.read",
      "playlist.create",
      "playlist.update",
      "playlist.delete",
      "playlist.publish",
      "playlist.assign",
      "progress.read",
      "quality_form.read",
      "evaluation.read",
      "evaluation.create",
      "evaluation.respond",
      "evaluation.resolve",
      "evaluation.calibrate",
      "evaluation.report",
    ].map((p) => [p, U]),
  ),
  quality_reviewer: Object.fromEntries(
    [
      "recording.read",
      "recording.listen",
      "quality_form.read",
      "evaluation.read",
      "evaluation.create",
      "evaluation.respond",
      "evaluation.resolve",
      "evaluation.calibrate",
      "evaluation.report",
      "evaluation.sample",
    ].map((p) => [p, U]),
  ),
  employee: {
    "playlist.read": ["assigned"],
    "progress.update": ["assigned"],
    "recording.read": ["own", "assigned"],
    "recording.listen": ["own", "assigned"],
    "evaluation.read": ["own"],
    "evaluation.respond": ["own"],
    "evaluation.dispute": ["own"],
    "evaluation.report": ["own"],
  },
  external_trainer: { "playlist.read": ["disclosed"], "recording.listen": ["disclosed"] },
};

const user = (grants: UserActor["grants"], extra: Partial<UserActor> = {}): UserActor => ({
  kind: "user",
  userId: "user-1",
  organisationId: "org-1",
  grants,
  staffMemberId: "staff-1",
  disclosureIds: ["disclosure-1"],
  ...extra,
});

const RESOURCES: Record<
  "inUnit" | "otherUnit" | Exclude<Scope, "unit"> | "none",
  AccessResource | undefined
> = {
  inUnit: { unitId: "u1", organisationId: "org-1" },
  otherUnit: { unitId: "u2", organisationId: "org-1" },
  own: { unitId: "u2", ownerStaffMemberId: "staff-1" },
  assigned: { unitId: "u2", assignedToActor: true },
  disclosed: { unitId: "u2", disclosedToActor: true },
  none: undefined,
};

const cases = ROLES.flatMap((role) =>
  PERMISSIONS.flatMap((permission) =>
    Object.entries(RESOURCES).map(([situation, resource]) => {
      const scopes = EXPECTED[role][permission] ?? [];
      const isSelf = permission === "self.read" || permission === "self.update";
      const expected =
        isSelf ||
        (situation === "inUnit" && scopes.includes("unit")) ||
        ((situation === "own" || situation === "assigned" || situation === "disclosed") &&
          scopes.includes(situation));
      return { role, permission, situation, resource, expected };
    }),
  ),
);

describe("role × permission × situation matrix (R10)", () => {
  it.each(cases)(
    "$role $permission on $situation → $expected",
    ({ role, permission, resource, expected }) => {
      expect(can(user([{ role, unitId: "u1" }]), permission, resource)).toBe(expected);
    },
  );

  it.each(ROLES.flatMap((role) => PERMISSIONS.map((permission) => ({ role, permission }))))(
    "$role with an all-units grant: $permission without a resource",
    ({ role, permission }) => {
      const expected = permission.startsWith("self.") || (EXPECTED[role][permission] ?? []).includes("unit");
      expect(can(user([{ role, unitId: null }]), permission)).toBe(expected);
      expect(hasPermissionSomewhere(user([{ role, unitId: null }]), permission)).toBe(
        expected || (EXPECTED[role][permission] ?? []).length > 0,
      );
    },
  );
});

describe("principles", () => {
  const admin = user([{ role: "administrator", unitId: null }]);
  const trainer = user([{ role: "trainer", unitId: "u1" }]);

  it("administrator cannot listen or read recordings, even in all units", () => {
    expect(decide(admin, "recording.listen", { unitId: "u1" })).toMatchObject({ allowed: false });
    expect(can(admin, "recording.read", { unitId: "u1" })).toBe(false);
    expect(hasPermissionSomewhere(admin, "recording.listen")).toBe(false);
    expect(hasPermissionSomewhere(admin, "playlist.read")).toBe(false);
    expect(can(admin, "user.create")).toBe(true);
  });

  it("trainer cannot listen outside their unit, and can inside it", () => {
    expect(decide(trainer, "recording.listen", { unitId: "u2" })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/outside scope/),
    });
    expect(decide(trainer, "recording.listen", { unitId: "u1" })).toEqual({
      allowed: true,
      reason: "trainer in unit u1",
      via: { role: "trainer", unitId: "u1" },
    });
    expect(can(trainer, "recording.listen", {})).toBe(false);
  });

  it("a unit-scoped grant does not reach another organisation's resource", () => {
    expect(can(trainer, "recording.listen", { unitId: "u1", organisationId: "org-2" })).toBe(false);
  });

  it("employee listens to own calls only when they are a staff member", () => {
    const employee = user([{ role: "employee", unitId: "u1" }]);
    expect(decide(employee, "recording.listen", { ownerStaffMemberId: "staff-1" })).toMatchObject({
      allowed: true,
      via: { role: "employee", relation: "own" },
    });
    expect(can(employee, "recording.listen", { ownerStaffMemberId: "staff-2" })).toBe(false);
    const notStaff = user([{ role: "employee", unitId: "u1" }], { staffMemberId: null });
    expect(can(notStaff, "recording.listen", { ownerStaffMemberId: null })).toBe(false);
  });

  it("external trainer without any disclosure has nothing", () => {
    const external = user([{ role: "external_trainer", unitId: null }], { disclosureIds: [] });
    expect(can(external, "recording.listen", { disclosedToActor: true })).toBe(false);
    expect(can(external, "self.read")).toBe(true);
  });

  it("a signed-in person without grants still has self.*", () => {
    expect(can(user([]), "self.update")).toBe(true);
    expect(can(user([]), "playlist.read", { assignedToActor: true })).toBe(false);
  });

  it("machine actor: only recording.ingest, and only when its token carries the scope", () => {
    const machine: Actor = {
      kind: "machine",
      tokenId: "t1",
      scopes: ["recording.ingest", "recording.listen"],
    };
    expect(can(machine, "recording.ingest")).toBe(true);
    expect(can(machine, "recording.listen", { unitId: "u1" })).toBe(false);
    expect(can({ kind: "machine", tokenId: "t1", scopes: [] }, "recording.ingest")).toBe(false);
    expect(scopeOf(machine, "recording.ingest")).toEqual({ all: true, unitIds: [], relations: [] });
  });

  it("system actor: jobs may purge but never listen", () => {
    const system: Actor = { kind: "system", job: "retention-purge" };
    expect(can(system, "recording.erase", { unitId: "u1" })).toBe(true);
    expect(can(system, "retention.run")).toBe(true);
    expect(can(system, "recording.listen", { unitId: "u1" })).toBe(false);
  });
});

describe("deny anything unknown", () => {
  const trainer = user([{ role: "trainer", unitId: null }]);
  it.each(["recording.download", "recording.*", "", "RECORDING.LISTEN", "public", null, 5, undefined])(
    "unknown action %j",
    (action) => {
      expect(decide(trainer, action, { unitId: "u1" })).toMatchObject({
        allowed: false,
        reason: /unknown action/,
      });
      expect(hasPermissionSomewhere(trainer, action)).toBe(false);
    },
  );

  it.each([
    null,
    undefined,
    "user",
    {},
    { kind: "root" },
    { kind: "user", userId: "u", organisationId: "o", grants: "all", staffMemberId: null, disclosureIds: [] },
    { kind: "user", userId: "", organisationId: "o", grants: [], staffMemberId: null, disclosureIds: [] },
    { kind: "user", userId: "u", organisationId: "o", grants: [], disclosureIds: [] },
    { kind: "machine", tokenId: "t", scopes: "recording.ingest" },
    { kind: "system" },
  ])("malformed actor %j", (actor) => {
    expect(decide(actor, "self.read")).toMatchObject({ allowed: false, reason: "malformed actor" });
    expect(scopeOf(actor, "self.read")).toEqual({ all: false, unitIds: [], relations: [] });
  });

  it.each([{ role: "superuser", unitId: null }, { role: "trainer", unitId: "" }, { role: "trainer" }, null])(
    "a grant %j with an unknown role or bad unit gives nothing",
    (grant) => {
      const actor = user([grant as never]);
      expect(can(actor, "recording.listen", { unitId: "u1" })).toBe(false);
      expect(can(actor, "self.read")).toBe(true);
    },
  );
});

describe("scopeOf", () => {
  it("merges grants and relations", () => {
    const actor = user([
      { role: "trainer", unitId: "u2" },
      { role: "trainer", unitId: "u1" },
      { role: "employee", unitId: "u3" },
    ]);
    expect(scopeOf(actor, "recording.listen")).toEqual({
      all: false,
      unitIds: ["u1", "u2"],
      relations: ["assigned", "own"],
    });
    expect(scopeOf(actor, "playlist.create")).toEqual({ all: false, unitIds: ["u1", "u2"], relations: [] });
  });

  it("an all-units grant makes the scope all", () => {
    const actor = user([
      { role: "privacy_officer", unitId: null },
      { role: "privacy_officer", unitId: "u1" },
    ]);
    expect(scopeOf(actor, "recording.erase")).toEqual({ all: true, unitIds: [], relations: [] });
  });
});
