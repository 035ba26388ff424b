import { apiTokens, auditEvents, organisations, playlists, units, users } from "@kuulo/db/schema";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisationId, unitId } from "./helpers/fixtures.js";
import { createTestApp, type DemoUsername, type TestApp, type TrpcResponse } from "./helpers/test-app.js";

/**
 * R4 through the real HTTP stack (PGlite, or PostgreSQL with DATABASE_URL): a customer identifier in
 * any free-text field, however disguised, comes back as {code, field, rule: "R4", reason} from the
 * router's input schema, and nothing is written.
 */

let t: TestApp;
const cookies: Partial<Record<DemoUsername, string>> = {};
let hki = "";
let controller = "";
let playlistId = "";
const RECORDING = "00000000-0000-4000-8000-000000000001";

const domainOf = (response: TrpcResponse) => ({
  status: response.status,
  ...response.body.error?.data.domain,
});

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ["admin", "kouluttaja", "tietosuoja"] as const) cookies[name] = await t.signIn(name);
  hki = await unitId(t, "HKI-ASPA");
  controller = await organisationId(t, "controller");
  const [row] = await t.db.insert(playlists).values({ title: "Avaukset", unitId: hki }).returning();
  playlistId = row?.id ?? "";
});

afterAll(async () => {
  await t?.close();
});

const NBSP_PHONE = "040\u00A0123\u00A04567";
const THIN_PHONE = "040\u2009123\u20094567";
const WIDE_PHONE = "\uFF10\uFF14\uFF10 \uFF11\uFF12\uFF13 \uFF14\uFF15\uFF16\uFF17";
const IBAN = "FI21 1234 5600 0007 85";

const cases: Array<
  [procedure: string, as: DemoUsername, input: () => unknown, field: string, reason: string]
> = [
  [
    "playlists.setItems",
    "kouluttaja",
    () => ({ playlistId, items: [{ recordingId: null, clipEndMs: null, note: `Soita ${NBSP_PHONE}` }] }),
    "items.0.note",
    "personal_data.phone",
  ],
  [
    "playlists.create",
    "kouluttaja",
    () => ({ title: `Lista 040.123.4567`, unitId: hki }),
    "title",
    "personal_data.phone",
  ],
  [
    "playlists.update",
    "kouluttaja",
    () => ({ playlistId, description: `tili ${IBAN}` }),
    "description",
    "personal_data.iban",
  ],
  [
    "units.create",
    "admin",
    () => ({ organisationId: controller, code: "R4-TEST", name: `Tiimi ${THIN_PHONE}` }),
    "name",
    "personal_data.phone",
  ],
  [
    "units.update",
    "admin",
    () => ({ unitId: hki, name: `Tiimi ${WIDE_PHONE}` }),
    "name",
    "personal_data.phone",
  ],
  ["apiTokens.create", "admin", () => ({ name: "PBX matti\uFF20example.fi" }), "name", "personal_data.email"],
  [
    "organisations.create",
    "admin",
    () => ({
      name: "Oy 040/1234567",
      businessId: "1234567-8",
      country: "FI",
      agreementReference: "DPA-1",
      agreementValidFrom: "2026-01-01T00:00:00Z",
    }),
    "name",
    "personal_data.phone",
  ],
  [
    "users.create",
    "admin",
    () => ({
      organisationId: controller,
      username: "r4.testi",
      firstName: "Hetu 131052-308T",
      lastName: "Testi",
    }),
    "firstName",
    "personal_data.personal_identity_code",
  ],
  [
    "legalHolds.place",
    "tietosuoja",
    () => ({ recordingIds: [RECORDING], reason: `Asiakas ${IBAN.replaceAll(" ", "")}` }),
    "reason",
    "personal_data.iban",
  ],
  [
    "retention.erase",
    "tietosuoja",
    () => ({ recordingIds: [RECORDING], reason: `pyyntö ${NBSP_PHONE}` }),
    "reason",
    "personal_data.phone",
  ],
];

describe("customer data in free text is refused with rule R4 and its reason (R4)", () => {
  it.each(cases)("%s as %s: %s", async (procedure, as, input, field, reason) => {
    const auditBefore = await t.db.select({ n: count() }).from(auditEvents);
    const response = await t.call(procedure, input(), { cookie: cookies[as] });
    expect(domainOf(response)).toMatchObject({ status: 400, code: "VALIDATION", field, rule: "R4", reason });
    // The message names the field and the rule but never repeats what it matched.
    expect(response.body.error?.message).toContain("R4");
    expect(response.body.error?.message).not.toMatch(/123|4567|0007|example|308T/);
    const auditAfter = await t.db.select({ n: count() }).from(auditEvents);
    expect(auditAfter).toEqual(auditBefore);
  });

  it("wrote nothing", async () => {
    expect(await t.db.select().from(units).where(eq(units.code, "R4-TEST"))).toEqual([]);
    expect(await t.db.select().from(users).where(eq(users.username, "r4.testi"))).toEqual([]);
    expect(await t.db.select().from(apiTokens)).toEqual([]);
    expect(await t.db.select().from(organisations).where(eq(organisations.businessId, "1234567-8"))).toEqual(
      [],
    );
    const [playlist] = await t.db.select().from(playlists).where(eq(playlists.id, playlistId));
    expect(playlist?.description ?? "").toBe("");
    const [unit] = await t.db.select().from(units).where(eq(units.id, hki));
    expect(unit?.name).not.toContain("\uFF10");
  });

  it("accepts the same fields with ordinary prose, dates and times", async () => {
    const response = await t.call(
      "playlists.update",
      { playlistId, description: "Kuuntele 01.02.2025 klo 08.30–09.45 pidetty puhelu, vaihe 3/5" },
      { cookie: cookies.kouluttaja },
    );
    expect(response.status).toBe(200);
    const unit = await t.call(
      "units.create",
      { organisationId: controller, code: "R4-OK", name: "Tiimi 2 (klo 8–16)" },
      { cookie: cookies.admin },
    );
    expect(unit.status).toBe(200);
  });
});
