import { describe, expect, it } from "vitest";
import type { Role } from "../access/roles.js";
import { inboxKindsFor } from "./inbox-kinds.js";
import { accessRequestDeadline, isAccessRequestDeadlineNear, isOverdue } from "./inbox-timing.js";

const actor = (roles: Role[]) => ({
  kind: "user" as const,
  userId: "u1",
  organisationId: "o1",
  grants: roles.map((role) => ({ role, unitId: "unit-a" })),
  staffMemberId: "s1",
  disclosureIds: [],
});

describe("inbox kinds follow permissions", () => {
  it.each([
    [
      ["privacy_officer"],
      false,
      [
        "disclosure_to_approve",
        "listening_right_to_approve",
        "disclosure_window_ending",
        "legal_hold_long_open",
        "access_request_deadline_near",
        "quality_setting_changed",
        "purge_failed",
      ],
    ],
    [
      ["administrator"],
      false,
      ["account_locked", "processor_agreement_ending", "ingest_refused", "purge_failed"],
    ],
    [["trainer"], false, ["assignment_overdue"]],
    [["trainer"], true, ["review_queue", "dispute_open", "assignment_overdue"]],
    [["quality_reviewer"], true, ["review_queue", "dispute_open"]],
    [["employee"], false, ["assignment_new"]],
    [["employee"], true, ["assignment_new", "feedback_new"]],
    [["external_trainer"], true, []],
  ] as [Role[], boolean, string[]][])("%j (quality %s) → %j", (roles, qualityEnabled, kinds) => {
    expect(inboxKindsFor(actor(roles), { qualityEnabled })).toEqual(kinds);
  });

  it("gives nothing to a malformed or machine actor", () => {
    expect(inboxKindsFor({ kind: "user" }, { qualityEnabled: true })).toEqual([]);
    expect(inboxKindsFor(null, { qualityEnabled: true })).toEqual([]);
    expect(
      inboxKindsFor(
        { kind: "machine", tokenId: "t", scopes: ["recording.ingest"] },
        { qualityEnabled: true },
      ),
    ).toEqual([]);
  });
});

describe("inbox timing", () => {
  it.each([
    ["2026-01-15T10:00:00Z", "2026-02-15T10:00:00.000Z"],
    ["2026-01-31T10:00:00Z", "2026-02-28T10:00:00.000Z"],
    ["2024-01-31T10:00:00Z", "2024-02-29T10:00:00.000Z"],
    ["2026-12-20T10:00:00Z", "2027-01-20T10:00:00.000Z"],
  ])("an access request received %s is due %s (Art. 12(3))", (received, due) => {
    expect(accessRequestDeadline(new Date(received)).toISOString()).toBe(due);
  });

  it("warns in the last week before the deadline", () => {
    const received = new Date("2026-01-15T10:00:00Z");
    expect(isAccessRequestDeadlineNear(received, new Date("2026-02-07T10:00:00Z"))).toBe(false);
    expect(isAccessRequestDeadlineNear(received, new Date("2026-02-08T10:00:00Z"))).toBe(true);
    expect(isAccessRequestDeadlineNear(received, new Date("2026-03-01T10:00:00Z"))).toBe(true);
  });

  it("counts a due day as overdue only after the day has passed in Finland", () => {
    expect(isOverdue("2026-03-01", new Date("2026-03-01T21:59:00Z"))).toBe(false);
    expect(isOverdue("2026-03-01", new Date("2026-03-01T22:00:00Z"))).toBe(true);
    expect(isOverdue("2026-03-02", new Date("2026-03-01T12:00:00Z"))).toBe(false);
  });
});
