import { describe, expect, it } from "vitest";
import { auditFilter, dayRangeToInstants, parseAuditSearch } from "./audit/audit-search.js";
import { parseDisclosuresSearch } from "./disclosures/disclosures-search.js";
import { parseUsersSearch } from "./users/users-search.js";

const UUID = "0b8c8f8e-6a55-4d1c-9a51-5b1f9c1b2a3d";

describe("parseUsersSearch", () => {
  it("keeps valid filters", () => {
    expect(
      parseUsersSearch({ q: " anna ", organisationId: UUID, role: "trainer", status: "active" }),
    ).toEqual({
      q: "anna",
      organisationId: UUID,
      role: "trainer",
      status: "active",
    });
  });

  it("drops malformed values instead of sending them to the API", () => {
    expect(
      parseUsersSearch({ q: "", organisationId: "1 or 1=1", unitId: 5, role: "root", status: "locked" }),
    ).toEqual({});
  });
});

describe("audit search", () => {
  it("accepts actions and dates in their formats only", () => {
    expect(
      parseAuditSearch({
        action: "user.deactivate",
        from: "2026-11-01",
        to: "29.11.2026",
        outcome: "denied",
      }),
    ).toEqual({
      action: "user.deactivate",
      from: "2026-11-01",
      outcome: "denied",
    });
    expect(parseAuditSearch({ action: "DROP TABLE", outcome: "maybe" })).toEqual({});
  });

  it("keeps ids of people and named targets only, and a target only with its type", () => {
    expect(parseAuditSearch({ actor: UUID, targetType: "recording", targetId: UUID })).toEqual({
      actor: UUID,
      targetType: "recording",
      targetId: UUID,
    });
    expect(parseAuditSearch({ actor: "admin", targetType: "session", targetId: UUID })).toEqual({});
    expect(parseAuditSearch({ targetId: UUID })).toEqual({});
  });

  it("turns calendar days into an inclusive instant range", () => {
    const range = dayRangeToInstants("2026-11-01", "2026-11-01");
    expect(new Date(range.to ?? "").getTime() - new Date(range.from ?? "").getTime()).toBe(86_400_000 - 1);
    expect(dayRangeToInstants()).toEqual({});
  });

  it("maps the URL's actor to the API's actorId", () => {
    expect(auditFilter({ actor: UUID, targetType: "user" })).toEqual({
      actorId: UUID,
      action: undefined,
      targetType: "user",
      targetId: undefined,
      outcome: undefined,
    });
  });
});

describe("parseDisclosuresSearch", () => {
  it("keeps a known kind and status and drops anything else", () => {
    expect(parseDisclosuresSearch({ kind: "statutory", status: "active" })).toEqual({
      kind: "statutory",
      status: "active",
    });
    expect(parseDisclosuresSearch({ kind: "everything", status: 3 })).toEqual({});
  });
});
