import { describe, expect, it } from "vitest";
import { explainGrants, groupByResource } from "./explain-grants.js";

const reasonsFor = (grants: Parameters<typeof explainGrants>[0], permission: string) =>
  explainGrants(grants).find((entry) => entry.permission === permission)?.reasons ?? [];

describe("explainGrants", () => {
  it("gives a unit-scoped trainer listening in that unit only, and no administration", () => {
    const grants = [{ role: "trainer" as const, unitId: "u1" }];
    expect(reasonsFor(grants, "recording.listen")).toEqual([
      { role: "trainer", scope: "unit", unitId: "u1" },
    ]);
    expect(reasonsFor(grants, "user.read")).toEqual([]);
  });

  it("never lets administering users mean listening (R10)", () => {
    const grants = [{ role: "administrator" as const, unitId: null }];
    expect(reasonsFor(grants, "user.create")).toEqual([
      { role: "administrator", scope: "unit", unitId: null },
    ]);
    expect(reasonsFor(grants, "recording.listen")).toEqual([]);
  });

  it("lists every grant that gives a permission, and the own account for everyone", () => {
    const grants = [
      { role: "trainer" as const, unitId: "u1" },
      { role: "trainer" as const, unitId: "u2" },
      { role: "employee" as const, unitId: "u1" },
    ];
    expect(reasonsFor(grants, "recording.listen")).toEqual([
      { role: "trainer", scope: "unit", unitId: "u1" },
      { role: "trainer", scope: "unit", unitId: "u2" },
      { role: "employee", scope: "own", unitId: null },
      { role: "employee", scope: "assigned", unitId: null },
    ]);
    expect(reasonsFor([], "self.read")).toEqual([{ role: "self", scope: "own", unitId: null }]);
  });

  it("groups permissions by their resource", () => {
    const groups = groupByResource(explainGrants([]));
    expect([...groups.keys()].slice(0, 3)).toEqual(["self", "user", "grant"]);
    expect(groups.get("user")?.map((entry) => entry.permission)).toContain("user.reset_password");
  });
});
