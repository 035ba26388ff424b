import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import {
  DISCLOSURE_KINDS,
  DISCLOSURE_STATUSES,
  type DisclosureEvent,
  type DisclosureKind,
  type DisclosureStatus,
  disclosureStateMachine,
  isDisclosureActive,
  parseAccessRequestInput,
  parseStatutoryDisclosureInput,
  parseTrainingDisclosureInput,
  trainingDisclosureInput,
} from "./index.js";

const id1 = "0b6c5f4e-8d1a-4c2b-9f3e-2a1b3c4d5e6f";
const id2 = "1c7d6a5f-9e2b-4d3c-8a4f-3b2c4d5e6f70";
const now = new Date("2026-03-01T10:00:00Z");

const training = {
  recipientName: "Liisa Kouluttaja",
  recipientOrganisation: "Koulutus Oy",
  recipientCountry: "FI",
  recipientEmail: "liisa@koulutus.example",
  ndaReference: "NDA-2026-014",
  ndaSignedOn: "2026-02-27",
  purpose: "Myyntikoulutus kevät 2026, vaihe 2/3",
  validFrom: "2026-03-02T08:00:00+02:00",
  validUntil: "2026-04-30T18:00:00+03:00",
  audienceAttestation: true,
  recordingIds: [id1, id2],
};

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("training disclosure input (R6, R7, R4)", () => {
  it("accepts a complete disclosure and converts instants to Dates", () => {
    const value = parseTrainingDisclosureInput(training, now);
    expect(value.validFrom).toEqual(new Date("2026-03-02T06:00:00Z"));
    expect(value.recordingIds).toEqual([id1, id2]);
  });

  it("accepts a playlist instead of recordings, and Date objects", () => {
    const { recordingIds: _, ...rest } = training;
    const value = trainingDisclosureInput.parse({
      ...rest,
      playlistId: id1,
      validFrom: now,
      validUntil: new Date("2026-03-10T00:00:00Z"),
    });
    expect(value.playlistId).toBe(id1);
  });

  it.each([
    ["recipientCountry", { recipientCountry: "US" }, "R7"],
    ["recipientCountry", { recipientCountry: "GB" }, "R7"],
    ["recipientCountry", { recipientCountry: "fi" }, "R7"],
    ["recipientEmail", { recipientEmail: "not-an-email" }, "R6"],
    ["recipientName", { recipientName: "  " }, "R6"],
    ["ndaReference", { ndaReference: "" }, "R6"],
    ["ndaSignedOn", { ndaSignedOn: "27.2.2026" }, "R6"],
    ["ndaSignedOn", { ndaSignedOn: "2026-03-02" }, "R6"],
    ["purpose", { purpose: "Asiakas 040 123 4567 valitti" }, "R4"],
    ["purpose", { purpose: "" }, "R6"],
    ["validUntil", { validUntil: "2026-03-01T08:00:00+02:00" }, "R6"],
    ["validUntil", { validUntil: "2026-09-01T08:00:00+03:00" }, "R6"],
    ["validUntil", { validFrom: "2026-01-01T00:00:00Z", validUntil: "2026-02-01T00:00:00Z" }, "R6"],
    ["validFrom", { validFrom: "2026-03-02 08:00" }, "R6"],
    ["audienceAttestation", { audienceAttestation: false }, "R6"],
    ["audienceAttestation", { audienceAttestation: "true" }, "R6"],
    ["recordingIds", { recordingIds: [] }, "R6"],
    ["recordingIds.0", { recordingIds: ["not-a-uuid"] }, "R6"],
    ["recordingIds", { recordingIds: [id1, id1] }, "R6"],
    ["recordingIds", { recordingIds: Array.from({ length: 201 }, () => id1) }, "R6"],
    ["recordingIds", { playlistId: id1 }, "R6"],
    ["disclosure", { downloadAllowed: true }, "R6"],
  ])("refuses %s in %j (%s)", (field, patch, rule) => {
    expect(refusal(() => parseTrainingDisclosureInput({ ...training, ...patch }, now))).toMatchObject({
      code: "VALIDATION",
      field,
      rule,
    });
  });

  it("refuses missing recordings and playlist", () => {
    const { recordingIds: _, ...rest } = training;
    expect(refusal(() => parseTrainingDisclosureInput(rest, now)).field).toBe("recordingIds");
  });
});

describe("statutory disclosure and access request input", () => {
  const statutory = {
    authority: "Poliisi",
    legalBasis: "Poliisilaki 4:3",
    caseReference: "5500/R/123/26",
    recordingIds: [id1],
  };

  it("accepts a statutory disclosure", () => {
    expect(parseStatutoryDisclosureInput(statutory)).toEqual(statutory);
  });

  it.each([
    ["recordingIds", { recordingIds: [] }],
    ["authority", { authority: "" }],
    ["legalBasis", { legalBasis: undefined }],
    ["disclosure", { note: "x" }],
  ])("refuses statutory %s", (field, patch) => {
    expect(refusal(() => parseStatutoryDisclosureInput({ ...statutory, ...patch }))).toMatchObject({
      field,
      rule: "R6",
    });
  });

  const request = {
    requesterName: "Matti Meikäläinen",
    identityVerification: {
      method: "in_person_id_document",
      note: "Ajokortti tarkistettu asiakaspalvelupisteessä",
    },
    window: { from: "2025-01-01T00:00:00+02:00", to: "2025-12-31T23:59:59+02:00" },
    recordingIds: [],
  };

  it("accepts an access request with no recordings found", () => {
    expect(parseAccessRequestInput(request).window.from).toEqual(new Date("2024-12-31T22:00:00Z"));
  });

  it.each([
    ["identityVerification.method", { identityVerification: { method: "phone_call", note: "x" } }, "R6"],
    [
      "identityVerification.note",
      { identityVerification: { method: "other", note: "hetu 131052-308T" } },
      "R4",
    ],
    ["window.to", { window: { from: "2025-12-31T00:00:00Z", to: "2025-01-01T00:00:00Z" } }, "R6"],
    ["staffMemberId", { staffMemberId: "x" }, "R6"],
    ["requesterName", { requesterName: "" }, "R6"],
  ])("refuses access request %s", (field, patch, rule) => {
    expect(refusal(() => parseAccessRequestInput({ ...request, ...patch }))).toMatchObject({ field, rule });
  });
});

type Step = [DisclosureKind, DisclosureStatus, DisclosureEvent["type"], DisclosureStatus | null];
const ALLOWED: Step[] = [
  ["training", "draft", "submit", "pending_approval"],
  ["training", "draft", "revoke", "revoked"],
  ["training", "pending_approval", "approve", "active"],
  ["training", "pending_approval", "reject", "draft"],
  ["training", "pending_approval", "revoke", "revoked"],
  ["training", "active", "revoke", "revoked"],
  ["training", "active", "expire", "expired"],
  ["statutory", "draft", "submit", "pending_approval"],
  ["statutory", "draft", "revoke", "revoked"],
  ["statutory", "pending_approval", "approve", "active"],
  ["statutory", "pending_approval", "reject", "draft"],
  ["statutory", "pending_approval", "revoke", "revoked"],
  ["statutory", "active", "deliver", "delivered"],
  ["statutory", "active", "close", "closed"],
  ["statutory", "delivered", "close", "closed"],
  ["access_request", "draft", "submit", "pending_approval"],
  ["access_request", "draft", "revoke", "revoked"],
  ["access_request", "pending_approval", "approve", "active"],
  ["access_request", "pending_approval", "reject", "draft"],
  ["access_request", "pending_approval", "revoke", "revoked"],
  ["access_request", "active", "deliver", "delivered"],
  ["access_request", "active", "close", "closed"],
  ["access_request", "delivered", "close", "closed"],
];
const EVENTS: DisclosureEvent["type"][] = [
  "submit",
  "approve",
  "reject",
  "revoke",
  "deliver",
  "close",
  "expire",
];

describe("disclosureStateMachine (R6)", () => {
  const all: Step[] = DISCLOSURE_KINDS.flatMap((kind) =>
    DISCLOSURE_STATUSES.flatMap((status) =>
      EVENTS.map((type): Step => {
        const hit = ALLOWED.find(([k, s, e]) => k === kind && s === status && e === type);
        return [kind, status, type, hit ? hit[3] : null];
      }),
    ),
  );

  it.each(all)("%s: %s --%s--> %s", (kind, status, type, expected) => {
    const event = (type === "expire" ? { type } : { type, by: "officer-2" }) as DisclosureEvent;
    const run = () => disclosureStateMachine({ kind, status, createdBy: "officer-1" }, event);
    if (expected) expect(run()).toBe(expected);
    else
      expect(refusal(run)).toMatchObject({
        code: "CONFLICT",
        rule: "R6",
        reason: "disclosure.invalid_transition",
      });
  });

  it("four-eyes: the creator cannot approve their own disclosure", () => {
    const error = refusal(() =>
      disclosureStateMachine(
        { kind: "training", status: "pending_approval", createdBy: "officer-1" },
        { type: "approve", by: "officer-1" },
      ),
    );
    expect(error).toMatchObject({ code: "FORBIDDEN", reason: "disclosure.four_eyes", rule: "R6" });
  });

  it("refuses an unknown kind", () => {
    const run = () =>
      disclosureStateMachine(
        { kind: "bulk" as DisclosureKind, status: "draft", createdBy: "a" },
        { type: "submit", by: "a" },
      );
    expect(refusal(run).code).toBe("CONFLICT");
  });
});

describe("isDisclosureActive", () => {
  const from = new Date("2026-03-01T00:00:00Z");
  const until = new Date("2026-04-01T00:00:00Z");
  it.each([
    ["active inside the window", "active", "2026-03-15T00:00:00Z", true],
    ["active at validFrom", "active", "2026-03-01T00:00:00Z", true],
    ["active one ms before validUntil", "active", "2026-03-31T23:59:59.999Z", true],
    ["active at validUntil", "active", "2026-04-01T00:00:00Z", false],
    ["active before validFrom", "active", "2026-02-28T23:59:59Z", false],
    ["revoked inside the window", "revoked", "2026-03-15T00:00:00Z", false],
    ["pending inside the window", "pending_approval", "2026-03-15T00:00:00Z", false],
    ["invalid now", "active", "not a date", false],
  ] as const)("%s → %s", (_, status, at, expected) => {
    expect(isDisclosureActive({ status, validFrom: from, validUntil: until }, new Date(at))).toBe(expected);
  });
  it("a revocation time ends it even while the status still says active", () => {
    const at = new Date("2026-03-15T00:00:00Z");
    expect(isDisclosureActive({ status: "active", validFrom: from, revokedAt: at }, at)).toBe(false);
    expect(isDisclosureActive({ status: "active", validFrom: from, revokedAt: null }, at)).toBe(true);
  });
});
