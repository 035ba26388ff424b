import { can } from "@kuulo/domain/access";
import { describe, expect, it } from "vitest";
import type { Me } from "../session/me-context.js";
import { actorFromMe } from "./use-can.js";

function meOf(overrides: {
  staffMemberId: string | null;
  disclosureIds: string[];
  role: Me["grants"][number]["role"];
}): Me {
  return {
    user: {
      id: "u1",
      username: "x",
      firstName: "X",
      lastName: "Y",
      totpEnabled: false,
      mustChangePassword: false,
      locale: null,
      staffMemberId: overrides.staffMemberId,
    },
    organisation: { id: "o1", name: "Org", kind: "controller" },
    grants: [{ id: "g1", role: overrides.role, unitId: null, unitCode: null, unitName: null }],
    permissions: [],
    disclosureIds: overrides.disclosureIds,
    session: { stage: "full", createdAt: "", idleExpiresAt: "", absoluteExpiresAt: "" },
  };
}

describe("actorFromMe", () => {
  it("lets an employee's can() reach their own calls, as the API does", () => {
    const actor = actorFromMe(meOf({ staffMemberId: "s1", disclosureIds: [], role: "employee" }));
    expect(can(actor, "recording.listen", { ownerStaffMemberId: "s1" })).toBe(true);
    expect(can(actor, "recording.listen", { ownerStaffMemberId: "s2" })).toBe(false);
  });

  it("lets an external trainer's can() reach disclosed recordings only while a disclosure is active", () => {
    const disclosed = { disclosedToActor: true };
    const withDisclosure = actorFromMe(
      meOf({ staffMemberId: null, disclosureIds: ["d1"], role: "external_trainer" }),
    );
    expect(can(withDisclosure, "recording.listen", disclosed)).toBe(true);
    const without = actorFromMe(meOf({ staffMemberId: null, disclosureIds: [], role: "external_trainer" }));
    expect(can(without, "recording.listen", disclosed)).toBe(false);
  });
});
