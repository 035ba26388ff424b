import { describe, expect, it } from "vitest";
import type { UserActor } from "./actor.js";
import { assignmentReach } from "./assignment-reach.js";

const actor = (grants: UserActor["grants"], staffMemberId: string | null = null): UserActor => ({
  kind: "user",
  userId: "u1",
  organisationId: "o1",
  grants,
  staffMemberId,
  disclosureIds: [],
});

describe("assignmentReach", () => {
  it.each([
    [
      "an employee grant's unit",
      actor([{ role: "employee", unitId: "hki" }]),
      { all: false, unitIds: ["hki"] },
    ],
    [
      "an employee grant without a unit: every unit",
      actor([{ role: "employee", unitId: null }]),
      { all: true, unitIds: [] },
    ],
    [
      "a trainer grant is not an assignee's",
      actor([{ role: "trainer", unitId: "hki" }]),
      { all: false, unitIds: [] },
    ],
    [
      "only the employee grant's unit, whatever else is held",
      actor([
        { role: "employee", unitId: "hki" },
        { role: "trainer", unitId: "tre" },
        { role: "employee", unitId: "hki" },
      ]),
      { all: false, unitIds: ["hki"] },
    ],
    [
      "the staff record's unit does not count",
      actor([{ role: "employee", unitId: "hki" }], "staff-in-tre"),
      { all: false, unitIds: ["hki"] },
    ],
    [
      "an external trainer takes no assignments",
      actor([{ role: "external_trainer", unitId: null }]),
      { all: false, unitIds: [] },
    ],
    ["a malformed actor reaches nothing", { kind: "user", grants: "all" }, { all: false, unitIds: [] }],
    ["a machine reaches nothing", { kind: "machine", tokenId: "t", scopes: [] }, { all: false, unitIds: [] }],
  ])("%s", (_, who, expected) => {
    expect(assignmentReach(who)).toEqual(expected);
  });
});
