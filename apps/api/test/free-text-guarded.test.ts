import { isFreeTextSchema } from "@kuulo/domain/privacy";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter } from "../src/routers/app-router.js";
import { serviceSchemaOf } from "../src/trpc/validated-in-service.js";

/**
 * R4: every string a person can send to any procedure is either `freeText()` (the one customer-data
 * guard) or named here with the reason it is not free text. A new procedure or field with a plain
 * string fails this test until it is guarded or justified.
 */
const NOT_FREE_TEXT: Readonly<Record<string, string>> = {
  // Secrets: never stored as text, never shown; guarding them would only refuse strong passwords.
  "auth.signIn.password": "a password, hashed and never stored or shown",
  "auth.changePassword.currentPassword": "a password, hashed and never stored or shown",
  "auth.changePassword.newPassword": "a password, hashed and never stored or shown",
  "auth.setPasswordWithToken.newPassword": "a password, hashed and never stored or shown",
  "auth.setPasswordWithToken.token": "a one-time token (52 base32 characters), compared as a hash",
  "auth.confirmTotpEnrolment.code": "a one-time code from an authenticator app",
  "auth.verifySecondFactor.code": "a one-time or recovery code, compared as a hash",
  "auth.signIn.username": "a login name matched against accounts, not stored from this input",
  "auth.endSession.sessionId": "a session id (64 hex characters)",
  // Search and paging: matched against stored names and titles, never stored, only narrow what the
  // person may already see; refusing digits would only make calls harder to find.
  "users.find.search": "a search query, never stored",
  "playlists.find.search": "a search query, never stored",
  "playlists.listTitles.search": "a search query, never stored",
  "playlists.assignableUsers.search": "a search query, never stored",
  "recordings.staffMembers.search": "a search query, never stored",
  "quality.calibrations.reviewers.search": "a search query for a reviewer's name, never stored",
  "users.find.after": "an opaque paging cursor the API issued",
  "playlists.find.after": "an opaque paging cursor the API issued",
  "recordings.find.cursor": "an opaque paging cursor the API issued",
  "training.myCalls.after": "an opaque paging cursor the API issued",
  "quality.evaluations.list.cursor": "an opaque paging cursor the API issued",
  "quality.sampling.queue.cursor": "an opaque paging cursor the API issued",
  "quality.reports.unit.reviewerCursor": "an opaque paging cursor the API issued",
  "disclosures.findExternalTrainers.query": "a search query for an external trainer's name, never stored",
  // Criterion keys: a-z, digits and _ only (criterionKeySchema), so they cannot carry customer data.
  "quality.forms.create.content.sections.*.key": "a section key, [a-z][a-z0-9_]{0,39}",
  "quality.forms.create.content.sections.*.criteria.*.key": "a criterion key, [a-z][a-z0-9_]{0,39}",
  "quality.forms.saveDraft.content.sections.*.key": "a section key, [a-z][a-z0-9_]{0,39}",
  "quality.forms.saveDraft.content.sections.*.criteria.*.key": "a criterion key, [a-z][a-z0-9_]{0,39}",
  "quality.evaluations.create.answers.*.criterionKey": "a criterion key, [a-z][a-z0-9_]{0,39}",
  "quality.evaluations.create.moments.*.criterionKey": "a criterion key, [a-z][a-z0-9_]{0,39}",
  "quality.moments.create.criterionKey": "a criterion key, [a-z][a-z0-9_]{0,39}",
  "quality.coaching.start.criterionKey": "a criterion key, [a-z][a-z0-9_]{0,39}",
  "quality.disputes.resolve.answers.*.criterionKey": "a criterion key, [a-z][a-z0-9_]{0,39}",
  "quality.calibrations.submit.answers.*.criterionKey": "a criterion key, [a-z][a-z0-9_]{0,39}",
  // Audit filters: ids and names of things already in the audit log, matched, never stored.
  "audit.find.actorId": "an actor id to filter the audit log by",
  "audit.find.targetId": "a target id to filter the audit log by",
  "audit.find.targetType": "a target type to filter the audit log by",
  "audit.find.action": "an action name (a-z, digits, dot, underscore) to filter the audit log by",
  "audit.export.actorId": "an actor id to filter the audit log by",
  "audit.export.targetId": "a target id to filter the audit log by",
  "audit.export.targetType": "a target type to filter the audit log by",
  "audit.export.action": "an action name (a-z, digits, dot, underscore) to filter the audit log by",
  "audit.export.timeZone": "an IANA time zone name checked by Intl, for the export's times",
  "audit.names.search": "a search query for a person's or a target's name, never stored",
  // Addresses that are e-mail on purpose: the guard's e-mail detector would refuse every value.
  "users.create.email": "the staff member's own work address, for one-time links",
  "users.update.email": "the staff member's own work address, for one-time links",
  "disclosures.createTraining.recipientEmail": "the external trainer's address, required by R6(a)",
  // References into other registers: their digits are the point ("5500/R/123456/26", "1234567-8").
  "organisations.create.businessId": "the company's public business id (Y-tunnus, 1234567-8)",
  "organisations.create.agreementReference": "the processing agreement's reference number (R9)",
  "organisations.update.agreementReference": "the processing agreement's reference number (R9)",
  "disclosures.createTraining.ndaReference": "the non-disclosure undertaking's reference (R6)",
  "disclosures.createStatutory.caseReference": "the authority's case number (R6(b))",
  // Codes checked against a closed list.
  "organisations.create.country": "an ISO 3166-1 alpha-2 country code (two letters)",
  "disclosures.createTraining.recipientCountry": "an ISO 3166-1 alpha-2 code, EU/EEA only (R7)",
};

/** Constrained string formats that cannot hold prose. */
const CONSTRAINED_FORMATS = new Set(["uuid", "guid", "datetime", "date", "time"]);

interface ZodDef {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

type Found = [path: string, verdict: string];

/** Every path (dotted, array items as "*") of a string a person could send, and whether it is guarded. */
function stringInputs(schema: z.ZodType, path: string, lazies = new Set<z.ZodType>()): Found[] {
  const def = defOf(schema);
  const walk = (child: z.ZodType | null | undefined, suffix: string) =>
    child ? stringInputs(child, suffix ? `${path}.${suffix}` : path, lazies) : [];
  if (isFreeTextSchema(schema)) return [[path, "guarded"]];
  switch (def.type) {
    case "string":
      return def.format && CONSTRAINED_FORMATS.has(def.format) ? [] : [[path, "unguarded string"]];
    case "object":
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => walk(child, key));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return walk(def.innerType, "");
    case "array":
      return walk(def.element, "*");
    case "tuple":
      return [
        ...(def.items ?? []).flatMap((item, index) => walk(item, String(index))),
        ...walk(def.rest, "*"),
      ];
    case "union":
      return (def.options ?? []).flatMap((option) => walk(option, ""));
    case "intersection":
      return [...walk(def.left, ""), ...walk(def.right, "")];
    case "record":
      return [...walk(def.keyType, "(key)"), ...walk(def.valueType, "*")];
    case "pipe":
      // What the person sends is the pipe's input side (freeText(...).pipe(shape) is guarded).
      return walk(def.in, "");
    case "lazy":
      if (lazies.has(schema)) return [];
      lazies.add(schema);
      return walk(def.getter?.(), "");
    case "custom": {
      const validated = serviceSchemaOf(schema);
      return validated ? walk(validated, "") : [[path, "opaque custom schema"]];
    }
    case "number":
    case "int":
    case "boolean":
    case "bigint":
    case "date":
    case "enum":
    case "literal":
    case "null":
    case "undefined":
    case "void":
    case "nan":
      return [];
    default:
      return [[path, `unknown schema type ${def.type}`]];
  }
}

interface ProcedureDef {
  _def: { inputs: z.ZodType[] };
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
const found: Found[] = procedures.flatMap(([name, procedure]) =>
  procedure._def.inputs.flatMap((input) => stringInputs(input, name)),
);

describe("every free-text input is guarded by freeText() (R4)", () => {
  it("walks the input schemas of every procedure", () => {
    expect(procedures.length).toBeGreaterThan(30);
    expect(procedures.filter(([, p]) => p._def.inputs.length > 0).length).toBeGreaterThan(30);
  });

  it("finds no string input that is neither freeText() nor justified", () => {
    const unguarded = found.filter(([path, verdict]) => verdict !== "guarded" && !(path in NOT_FREE_TEXT));
    expect(unguarded).toEqual([]);
  });

  it("keeps no allowlist entry for a field that no longer exists or is now guarded", () => {
    const present = new Set(found.filter(([, verdict]) => verdict !== "guarded").map(([path]) => path));
    expect(Object.keys(NOT_FREE_TEXT).filter((path) => !present.has(path))).toEqual([]);
  });

  it.each([
    "playlists.create.title",
    "playlists.create.description",
    "playlists.update.title",
    "playlists.setItems.items.*.note",
    "units.create.name",
    "units.create.code",
    "units.update.name",
    "apiTokens.create.name",
    "organisations.create.name",
    "organisations.update.name",
    "users.create.firstName",
    "users.create.username",
    "users.update.lastName",
    "legalHolds.place.reason",
    "legalHolds.release.reason",
    "retention.erase.reason",
    "disclosures.revoke.reason",
    "disclosures.createTraining.purpose",
    "disclosures.createTraining.recipientName",
    "disclosures.createStatutory.legalBasis",
    "disclosures.createAccessRequest.identityVerification.note",
  ])("%s is walked and guarded", (path) => {
    expect(found).toContainEqual([path, "guarded"]);
  });

  it("would catch a plain string, an opaque custom schema and an unknown type", async () => {
    const { z } = await import("zod");
    const probe = z.object({ note: z.string(), blob: z.custom(() => true), tags: z.array(z.string()) });
    expect(stringInputs(probe, "probe")).toEqual([
      ["probe.note", "unguarded string"],
      ["probe.blob", "opaque custom schema"],
      ["probe.tags.*", "unguarded string"],
    ]);
  });
});
