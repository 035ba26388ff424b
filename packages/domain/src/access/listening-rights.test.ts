import { describe, expect, it } from "vitest";
import { LISTENING_ROLES, roleLetsListen } from "./listening-rights.js";

describe("roles that let someone listen (R10)", () => {
  it("are every role with recording.listen, and never the administrator", () => {
    expect([...LISTENING_ROLES].sort()).toEqual([
      "employee",
      "external_trainer",
      "privacy_officer",
      "quality_reviewer",
      "trainer",
    ]);
    expect(roleLetsListen("administrator")).toBe(false);
    expect(roleLetsListen("trainer")).toBe(true);
  });
});
