import { activeTrainingDisclosures } from "@kuulo/db/queries";
import { organisations, users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireTrainingDisclosures } from "../src/jobs/expire-disclosures.js";
import {
  type DisclosureTestApp,
  type StoredRecording,
  sessionFor,
  startDisclosureApp,
  storeRecording,
} from "./disclosures-harness.js";
import { cookieFrom, dataOf } from "./helpers/test-app.js";
import { insertPublishedPlaylist } from "./training-fixtures.js";

const MINUTE = 60_000;
const TRAINER_PASSWORD = "oma uusi salalause talvella";

describe("training disclosure under NDA (R6a, R7)", () => {
  let app: DisclosureTestApp;
  let officer: string;
  let disclosed: StoredRecording;
  let other: StoredRecording;
  let second: StoredRecording;

  beforeAll(async () => {
    app = await startDisclosureApp();
    officer = await app.t.signIn("tietosuoja");
    disclosed = await storeRecording(app);
    other = await storeRecording(app);
    second = await storeRecording(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const trainingInput = (overrides: Record<string, unknown> = {}) => ({
    recipientName: "Tiina Ulkoinen",
    recipientOrganisation: "Puhekoulutus Oy",
    recipientCountry: "SE",
    recipientEmail: "tiina@puhekoulutus.example",
    ndaReference: "NDA-2026-14",
    ndaSignedOn: "2026-10-30",
    purpose: "Asiakaspalvelukoulutus omalle henkilöstölle",
    validFrom: app.t.clock.now().toISOString(),
    validUntil: new Date(app.t.clock.now().getTime() + 20 * MINUTE).toISOString(),
    audienceAttestation: true,
    recordingIds: [disclosed.id],
    ...overrides,
  });

  const listen = (recordingId: string, cookie: string) =>
    app.t.app.inject({ method: "GET", url: `/media/recordings/${recordingId}/audio`, headers: { cookie } });

  it("refuses a recipient outside the EU/EEA, naming the field and R7", async () => {
    const response = await app.t.call(
      "disclosures.createTraining",
      trainingInput({ recipientCountry: "US" }),
      {
        cookie: officer,
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.error?.data.domain).toMatchObject({
      code: "VALIDATION",
      field: "recipientCountry",
      rule: "R7",
    });
  });

  it("refuses a disclosure without the audience attestation", async () => {
    const response = await app.t.call(
      "disclosures.createTraining",
      trainingInput({ audienceAttestation: false }),
      {
        cookie: officer,
      },
    );
    expect(response.body.error?.data.domain).toMatchObject({
      code: "VALIDATION",
      field: "audienceAttestation",
    });
  });

  it("discloses a playlist's recordings when given a playlist id", async () => {
    const { playlistId } = await insertPublishedPlaylist(app.t, {
      unitCode: "HKI-ASPA",
      recordingId: other.id,
    });
    const created = dataOf<{ disclosure: { recordingIds: string[]; fields: { playlistId?: string } } }>(
      await app.t.call(
        "disclosures.createTraining",
        trainingInput({ recordingIds: undefined, playlistId, recipientEmail: "lista@koulutus.example" }),
        { cookie: officer },
      ),
    );
    expect(created.disclosure.recordingIds).toEqual([other.id]);
    expect(created.disclosure.fields.playlistId).toBe(playlistId);
    const both = await app.t.call("disclosures.createTraining", trainingInput({ playlistId }), {
      cookie: officer,
    });
    expect(both.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "recordingIds" });
  });

  it("streams exactly the disclosed recording inside the window, and nothing after it ends", async () => {
    const start = app.t.clock.now();
    const created = dataOf<{
      disclosure: { id: string; status: string; validUntil: string; externalUser: { username: string } };
      externalUser: { id: string; username: string; created: boolean };
      setPasswordToken: string;
    }>(await app.t.call("disclosures.createTraining", trainingInput(), { cookie: officer }));
    expect(created.disclosure.status).toBe("active");
    expect(created.externalUser.created).toBe(true);
    const [account] = await app.t.db.select().from(users).where(eq(users.id, created.externalUser.id));
    const [org] = await app.t.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, account?.organisationId ?? ""));
    expect(org).toMatchObject({ kind: "processor", country: "SE", agreementReference: "NDA-2026-14" });

    dataOf(
      await app.t.call("auth.setPasswordWithToken", {
        token: created.setPasswordToken,
        newPassword: TRAINER_PASSWORD,
      }),
    );
    const signIn = await app.t.call("auth.signIn", {
      username: created.externalUser.username,
      password: TRAINER_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    const trainer = cookieFrom(signIn.setCookie);

    const allowed = await listen(disclosed.id, trainer);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers["content-type"]).toBe("audio/webm");
    expect(allowed.headers["content-disposition"]).toBe("inline");
    expect(new Uint8Array(allowed.rawPayload)).toEqual(disclosed.audio);
    expect((await listen(other.id, trainer)).statusCode).toBe(403);

    // The session never outlives the disclosure (absolute lifetime capped at validUntil).
    const me = dataOf<{ session: { absoluteExpiresAt: string } }>(
      await app.t.query("auth.me", undefined, trainer),
    );
    expect(new Date(me.session.absoluteExpiresAt).getTime()).toBeLessThanOrEqual(
      new Date(created.disclosure.validUntil).getTime(),
    );

    const end = new Date(created.disclosure.validUntil);
    app.t.clock.set(new Date(end.getTime() - 1000));
    expect((await listen(disclosed.id, trainer)).statusCode).toBe(200);
    app.t.clock.set(new Date(end.getTime() + 1000));
    expect([401, 403]).toContain((await listen(disclosed.id, trainer)).statusCode);

    // The per-request disclosure check alone refuses too (agreement and session set aside).
    await app.t.db
      .update(organisations)
      .set({ agreementValidUntil: null })
      .where(eq(organisations.id, org?.id ?? ""));
    const lateSession = await sessionFor(app.t, created.externalUser.id);
    expect((await listen(disclosed.id, lateSession)).statusCode).toBe(403);
    const granting = async (now: Date) =>
      (await activeTrainingDisclosures(app.t.db, created.externalUser.id, now))
        .filter((disclosure) => disclosure.recordingIds.includes(disclosed.id))
        .map((disclosure) => disclosure.id);
    expect(await granting(app.t.clock.now())).toEqual([]);
    expect(await granting(new Date(end.getTime() - 1000))).toEqual([created.disclosure.id]);
    app.t.clock.set(start);
  });

  it("revocation takes effect on the next request; another live disclosure keeps working", async () => {
    const officerNow = await app.t.signIn("tietosuoja");
    const input = trainingInput({
      recipientEmail: "jussi@koulutus.example",
      recipientName: "Jussi Kouluttaja",
      recipientOrganisation: "Koulutus Kakkonen Oy",
      recipientCountry: "FI",
    });
    const first = dataOf<{
      disclosure: { id: string };
      externalUser: { id: string; username: string };
      setPasswordToken: string;
    }>(await app.t.call("disclosures.createTraining", input, { cookie: officerNow }));
    const another = dataOf<{
      disclosure: { id: string };
      externalUser: { id: string; created: boolean };
      setPasswordToken: string | null;
    }>(
      await app.t.call(
        "disclosures.createTraining",
        { ...input, ndaReference: "NDA-2026-15", recordingIds: [second.id] },
        { cookie: officerNow },
      ),
    );
    expect(another.externalUser).toMatchObject({ id: first.externalUser.id, created: false });
    dataOf(
      await app.t.call("auth.setPasswordWithToken", {
        token: another.setPasswordToken ?? first.setPasswordToken,
        newPassword: TRAINER_PASSWORD,
      }),
    );
    const signIn = async () =>
      cookieFrom(
        (
          await app.t.call("auth.signIn", {
            username: first.externalUser.username,
            password: TRAINER_PASSWORD,
          })
        ).setCookie,
      );
    const trainer = await signIn();
    expect((await listen(disclosed.id, trainer)).statusCode).toBe(200);

    const revoked = await app.t.call(
      "disclosures.revoke",
      { disclosureId: first.disclosure.id, reason: "Koulutus peruttu" },
      { cookie: officerNow },
    );
    expect(dataOf<{ disclosure: { status: string } }>(revoked).disclosure.status).toBe("revoked");
    expect((await listen(disclosed.id, trainer)).statusCode).toBe(401);

    const again = await signIn();
    expect((await listen(disclosed.id, again)).statusCode).toBe(403);
    expect((await listen(second.id, again)).statusCode).toBe(200);

    const detail = dataOf<{ trail: { action: string; actorLabel: string | null }[] }>(
      await app.t.query("disclosures.get", { disclosureId: first.disclosure.id }, officerNow),
    );
    const actions = detail.trail.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(["disclosure.create", "disclosure.revoke", "recording.listen"]),
    );

    // When the last live disclosure ends (expiry job), the account is deactivated; a new disclosure re-enables it.
    const expired = await expireTrainingDisclosures(
      app.t.db,
      new Date(app.t.clock.now().getTime() + 21 * MINUTE),
    );
    expect(expired).toBeGreaterThanOrEqual(1);
    const [afterExpiry] = await app.t.db.select().from(users).where(eq(users.id, first.externalUser.id));
    expect(afterExpiry?.status).toBe("deactivated");
    expect((await listen(second.id, again)).statusCode).toBe(401);
    const renewed = dataOf<{
      externalUser: { id: string; username: string; created: boolean };
      setPasswordToken: string | null;
    }>(
      await app.t.call(
        "disclosures.createTraining",
        { ...input, ndaReference: "NDA-2026-16" },
        { cookie: officerNow },
      ),
    );
    expect(renewed.externalUser).toEqual({
      id: first.externalUser.id,
      username: first.externalUser.username,
      created: false,
    });
    expect(renewed.setPasswordToken).toBeNull();
    const [reEnabled] = await app.t.db.select().from(users).where(eq(users.id, first.externalUser.id));
    expect(reEnabled?.status).toBe("active");
    expect((await listen(disclosed.id, await signIn())).statusCode).toBe(200);
  });

  it("a returning trainer, after the first window ended: picked by name, account and organisation brought up to date", async () => {
    const officerNow = await app.t.signIn("tietosuoja");
    const input = trainingInput({
      recipientEmail: "paluu@kouluttajat.example",
      recipientName: "Paula Paluu",
      recipientOrganisation: "Paluukoulutus Oy",
      recipientCountry: "FI",
      ndaReference: "NDA-2026-30",
      recordingIds: [disclosed.id],
    });
    const first = dataOf<{ externalUser: { id: string; username: string }; setPasswordToken: string }>(
      await app.t.call("disclosures.createTraining", input, { cookie: officerNow }),
    );
    dataOf(
      await app.t.call("auth.setPasswordWithToken", {
        token: first.setPasswordToken,
        newPassword: TRAINER_PASSWORD,
      }),
    );
    const signIn = () =>
      app.t.call("auth.signIn", { username: first.externalUser.username, password: TRAINER_PASSWORD });
    expect((await signIn()).status).toBe(200);

    // A month later the first disclosure and its NDA have ended.
    app.t.clock.advance(30 * 24 * 60 * MINUTE);
    const ended = await signIn();
    expect(ended.status).toBe(403);
    expect(ended.body.error?.data.domain.reason).toBe("agreement.not_valid");
    const officerLater = await app.t.signIn("tietosuoja");

    // The officer finds her by name (not by id) and picks her for a new disclosure under a new NDA.
    const found = dataOf<{ id: string; firstName: string; lastName: string; organisationName: string }[]>(
      await app.t.query("disclosures.findExternalTrainers", { query: "paula pal" }, officerLater),
    );
    expect(found).toEqual([
      expect.objectContaining({
        id: first.externalUser.id,
        lastName: "Paluu",
        organisationName: "Paluukoulutus Oy",
      }),
    ]);
    const later = app.t.clock.now();
    const renewal = dataOf<{
      externalUser: { id: string; created: boolean };
      setPasswordToken: string | null;
    }>(
      await app.t.call(
        "disclosures.createTraining",
        {
          ...input,
          externalUserId: found[0]?.id,
          recipientName: "Paula Paluu-Virtanen",
          ndaReference: "NDA-2026-31",
          validFrom: later.toISOString(),
          validUntil: new Date(later.getTime() + 20 * MINUTE).toISOString(),
          recordingIds: [second.id],
        },
        { cookie: officerLater },
      ),
    );
    expect(renewal.externalUser).toMatchObject({ id: first.externalUser.id, created: false });
    expect(renewal.setPasswordToken).toBeNull();

    // Before the fix this sign-in failed with agreement.not_valid: the organisation kept the old window.
    const again = await signIn();
    expect(again.body.error?.data.domain.reason).toBeUndefined();
    expect(again.status).toBe(200);
    expect((await listen(second.id, cookieFrom(again.setCookie))).statusCode).toBe(200);
    const [account] = await app.t.db.select().from(users).where(eq(users.id, first.externalUser.id));
    expect(account).toMatchObject({ lastName: "Paluu-Virtanen", status: "active" });
    const [organisation] = await app.t.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, account?.organisationId ?? ""));
    expect(organisation?.agreementReference).toBe("NDA-2026-31");
    expect(organisation?.agreementValidUntil?.getTime()).toBeGreaterThanOrEqual(
      later.getTime() + 20 * MINUTE,
    );
  });

  it("refuses a picked account that is not an external trainer", async () => {
    const officerNow = await app.t.signIn("tietosuoja");
    const [kouluttaja] = await app.t.db.select().from(users).where(eq(users.username, "kouluttaja"));
    const response = await app.t.call(
      "disclosures.createTraining",
      trainingInput({ externalUserId: kouluttaja?.id, recipientEmail: "x@kouluttajat.example" }),
      { cookie: officerNow },
    );
    expect(response.status).toBe(404);
  });
});
