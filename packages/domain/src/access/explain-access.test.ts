import { describe, expect, it } from "vitest";
import { explainAccess, PERMISSIONS, SESSION_POLICY, sessionLimitsFor, type UserActor } from "./index.js";

const actor: UserActor = {
  kind: "user",
  userId: "user-1",
  organisationId: "org-1",
  grants: [
    { role: "trainer", unitId: "u1" },
    { role: "employee", unitId: "u1" },
  ],
  staffMemberId: "staff-1",
  disclosureIds: [],
};

describe("explainAccess", () => {
  it("lists every permission with where and why", () => {
    const view = explainAccess(actor);
    expect(view.map((row) => row.permission)).toEqual([...PERMISSIONS]);
    expect(view.find((row) => row.permission === "recording.listen")).toEqual({
      permission: "recording.listen",
      allowed: true,
      all: false,
      unitIds: ["u1"],
      relations: ["assigned", "own"],
      because: ["trainer in unit u1", "employee: own resources", "employee: assigned resources"],
    });
    expect(view.find((row) => row.permission === "user.create")).toMatchObject({
      allowed: false,
      because: [],
    });
    expect(view.find((row) => row.permission === "self.read")).toMatchObject({
      allowed: true,
      because: ["own account"],
    });
  });

  it("a malformed actor is allowed nothing", () => {
    expect(explainAccess({ kind: "user" }).every((row) => !row.allowed)).toBe(true);
  });
});

describe("session policy", () => {
  it.each([
    [[], 30, 10 * 60],
    [["employee"], 30, 10 * 60],
    [["trainer", "administrator"], 15, 10 * 60],
    [["privacy_officer"], 15, 10 * 60],
    [["external_trainer"], 30, 8 * 60],
  ] as const)("roles %j → idle %i min, absolute %i min", (roles, idle, absolute) => {
    expect(sessionLimitsFor(roles)).toEqual({ idleMs: idle * 60_000, absoluteMs: absolute * 60_000 });
  });

  it("declares both limits", () => {
    expect(SESSION_POLICY.idleMs).toBe(30 * 60_000);
    expect(SESSION_POLICY.absoluteMs).toBe(10 * 3_600_000);
  });
});
