import {
  apiTokens,
  disclosureRecordings,
  disclosures,
  legalHolds,
  listeningRequests,
  recordings,
  users,
} from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/auth/session-token.js";
import { createSession } from "../src/auth/sessions.js";
import { appRouter } from "../src/routers/app-router.js";
import { issuePasswordLink } from "../src/services/users/issue-password-link.js";
import { makeUser, organisationId, unitId, userId } from "./helpers/fixtures.js";
import { account, createTestApp, type DemoUsername, type TestApp } from "./helpers/test-app.js";
import {
  enableQuality,
  FORM,
  GOOD_ANSWERS,
  insertCalibration,
  insertEvaluation,
  insertFormVersion,
  insertMoment,
  insertOpenDispute,
  mikkosRecording,
} from "./quality-fixtures.js";
import { insertActiveDisclosure, insertPublishedPlaylist, staffMemberOf } from "./training-fixtures.js";

/**
 * Every procedure × every principal, through HTTP. The rows are keyed by procedure path and the test
 * enumerates the router, so a new procedure without a row here fails. "allowed" means the request got
 * past authentication and authorization (a 2xx, or a business refusal such as 409/412); "denied" means
 * 401/403 with a stable domain code. Every procedure has at least one allowed principal beside its denials.
 */

type Principal =
  | "anonymous"
  | "employee"
  | "trainer"
  | "administrator"
  | "privacy_officer"
  | "external_trainer";
const PRINCIPALS: Record<Principal, DemoUsername | null> = {
  anonymous: null,
  employee: "mikko.korhonen",
  trainer: "kouluttaja",
  administrator: "admin",
  privacy_officer: "tietosuoja",
  external_trainer: "ulkoinen.kouluttaja",
};
const SIGNED_IN: Principal[] = [
  "employee",
  "trainer",
  "administrator",
  "privacy_officer",
  "external_trainer",
];
const EVERYONE: Principal[] = ["anonymous", ...SIGNED_IN];

interface Row {
  kind: "query" | "mutation";
  allowed: Principal[];
  /** Builds a valid input (creating whatever target the call needs). */
  input: (t: TestApp, principal: Principal) => Promise<unknown>;
  /** Paired allowed case proven in another test file (e.g. a stage-restricted procedure). */
  allowedElsewhere?: string;
}

const none = async () => undefined;
const freshEmployee = async (t: TestApp) => ({
  userId: (await makeUser(t, { grants: [{ role: "employee", unitCode: "HKI-ASPA" }] })).id,
});

/** A trainer role asked by the demo administrator for a fresh person, awaiting a second person. */
const pendingListeningRequest = async (t: TestApp) => {
  const { userId: grantee } = await freshEmployee(t);
  const [row] = await t.db
    .insert(listeningRequests)
    .values({
      kind: "grant",
      userId: grantee,
      role: "trainer",
      unitId: await unitId(t, "TRE-ASPA"),
      requestedBy: await userId(t, "admin"),
      requestedAt: t.clock.now(),
    })
    .returning({ id: listeningRequests.id });
  return { requestId: row?.id };
};

const RECORDING_READERS: Principal[] = ["employee", "trainer", "privacy_officer"];
const mikkosCall = async (t: TestApp) => {
  const [mikko] = await t.db
    .select({ staffMemberId: users.staffMemberId })
    .from(users)
    .where(eq(users.username, "mikko.korhonen"));
  const key = `matrix/${Math.random().toString(36).slice(2)}`;
  const [row] = await t.db
    .insert(recordings)
    .values({
      sourceSystemId: "matrix",
      sourceRecordingId: key,
      staffMemberId: mikko?.staffMemberId ?? "",
      unitId: await unitId(t, "HKI-ASPA"),
      callStartedAt: t.clock.now(),
      durationMs: 1000,
      originalFormat: "wav-pcm16",
      originalSha256: "a".repeat(64),
      originalSizeBytes: 1,
      storedFormat: "webm-opus",
      storedSizeBytes: 1,
      storedSha256: "b".repeat(64),
      storageKey: key,
      keyId: "k1",
      retentionCategory: "ordinary",
    })
    .returning({ id: recordings.id });
  return row?.id;
};

// A published HKI-ASPA playlist with one of Mikko's calls, assigned to HKI-ASPA (the trainer's and Mikko's unit).
const hkiPlaylist = async (t: TestApp) =>
  insertPublishedPlaylist(t, {
    unitCode: "HKI-ASPA",
    recordingId: (await mikkosCall(t)) ?? "",
    assignUnitCode: "HKI-ASPA",
  });
const hkiPlaylistId = async (t: TestApp) => ({ playlistId: (await hkiPlaylist(t)).playlistId });
const discloseToExternalTrainer = async (t: TestApp, principal: Principal) => {
  if (principal === "external_trainer") {
    const recordingId = (await mikkosCall(t)) ?? "";
    await insertActiveDisclosure(t, {
      externalUserId: await userId(t, "ulkoinen.kouluttaja"),
      recordingIds: [recordingId],
    });
  }
  return undefined;
};

// Disclosures, legal holds and retention (R6, R13): rows inserted directly as set-up, not under test.
const OFFICERS: Principal[] = ["privacy_officer"];
const RETENTION_READERS: Principal[] = ["administrator", "privacy_officer"];
const insertDisclosureRow = async (
  t: TestApp,
  kind: "training" | "statutory",
  status: "pending_approval" | "active",
) => {
  const recordingId = (await mikkosCall(t)) ?? "";
  const [row] = await t.db
    .insert(disclosures)
    .values({
      kind,
      status,
      fields: { authority: "Poliisi", legalBasis: "laki", caseReference: "1" },
      recipientCountry: "FI",
    })
    .returning({ id: disclosures.id });
  await t.db.insert(disclosureRecordings).values({ disclosureId: row?.id ?? "", recordingId });
  return { disclosureId: row?.id };
};
const trainingDisclosureInput = async (t: TestApp) => ({
  recipientName: "Matriisi Kouluttaja",
  recipientOrganisation: "Matriisikoulutus Oy",
  recipientCountry: "FI",
  recipientEmail: `m${Math.random().toString(36).slice(2, 8)}@koulutus.example`,
  ndaReference: "NDA-MATRIX-1",
  ndaSignedOn: "2026-10-01",
  purpose: "Koulutus omalle henkilöstölle",
  validFrom: t.clock.now().toISOString(),
  validUntil: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
  audienceAttestation: true,
  recordingIds: [(await mikkosCall(t)) ?? ""],
});

const FORM_READERS: Principal[] = ["trainer", "administrator", "privacy_officer"];
const FORM_MANAGERS: Principal[] = ["administrator", "privacy_officer"];
const withQuality =
  (build: (t: TestApp, principal: Principal) => Promise<unknown>) =>
  async (t: TestApp, principal: Principal) => {
    await enableQuality(t);
    return build(t, principal);
  };

const MATRIX: Record<string, Row> = {
  "auth.signIn": {
    kind: "mutation",
    allowed: EVERYONE,
    input: async () => ({ username: "kouluttaja", password: account("kouluttaja").password }),
  },
  "auth.verifySecondFactor": {
    kind: "mutation",
    allowed: [],
    input: async () => ({ code: "000000" }),
    allowedElsewhere: "test/auth/second-factor.test.ts (pending session)",
  },
  "auth.signOut": { kind: "mutation", allowed: EVERYONE, input: none },
  "auth.me": { kind: "query", allowed: SIGNED_IN, input: none },
  "auth.changePassword": {
    kind: "mutation",
    allowed: SIGNED_IN,
    // The same passphrase again, so later rows can still sign in; change-password.test.ts changes it for real.
    input: async (_t, principal) => {
      const username = PRINCIPALS[principal];
      const password = username ? account(username).password : "uusi pitkä salalause kesällä";
      return { currentPassword: password, newPassword: password };
    },
  },
  "auth.setLocale": { kind: "mutation", allowed: SIGNED_IN, input: async () => ({ locale: "fi" }) },
  "auth.listSessions": { kind: "query", allowed: SIGNED_IN, input: none },
  "auth.endSession": {
    kind: "mutation",
    allowed: SIGNED_IN,
    input: async (t, principal) => {
      const username = PRINCIPALS[principal];
      if (!username) return { sessionId: "0".repeat(64) };
      const other = await createSession(t.db, {
        userId: await userId(t, username),
        now: t.clock.now(),
        idleSeconds: 600,
        absoluteSeconds: 3600,
        secondFactorVerified: true,
        ip: null,
        userAgent: null,
      });
      return { sessionId: other.id };
    },
  },
  "auth.beginTotpEnrolment": { kind: "mutation", allowed: SIGNED_IN, input: none },
  "auth.confirmTotpEnrolment": {
    kind: "mutation",
    allowed: SIGNED_IN,
    input: async () => ({ code: "123456" }),
  },
  "auth.setPasswordWithToken": {
    kind: "mutation",
    allowed: EVERYONE,
    input: async (t) => {
      const user = await makeUser(t);
      const link = await issuePasswordLink(t.db, user.id, t.clock.now(), null);
      return { token: link.token, newPassword: "oma uusi salalause talvella" };
    },
  },
  "users.find": { kind: "query", allowed: ["administrator", "privacy_officer"], input: async () => ({}) },
  "users.get": { kind: "query", allowed: ["administrator", "privacy_officer"], input: freshEmployee },
  "users.create": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async (t) => ({
      organisationId: await organisationId(t, "controller"),
      username: `new.${Math.random().toString(36).slice(2, 8)}`,
      firstName: "Uusi",
      lastName: "Käyttäjä",
      grants: [{ role: "employee", unitId: await unitId(t, "HKI-ASPA") }],
    }),
  },
  "users.update": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async (t) => ({ ...(await freshEmployee(t)), firstName: "Muutettu" }),
  },
  "users.deactivate": { kind: "mutation", allowed: ["administrator"], input: freshEmployee },
  "users.reactivate": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async (t) => ({
      userId: (
        await makeUser(t, { status: "deactivated", grants: [{ role: "employee", unitCode: "HKI-ASPA" }] })
      ).id,
    }),
  },
  "users.unlock": { kind: "mutation", allowed: ["administrator"], input: freshEmployee },
  "users.resetPassword": { kind: "mutation", allowed: ["administrator"], input: freshEmployee },
  "users.endSessions": { kind: "mutation", allowed: ["administrator"], input: freshEmployee },
  "users.effectiveAccess": {
    kind: "query",
    allowed: ["administrator", "privacy_officer"],
    input: freshEmployee,
  },
  "grants.create": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async (t) => ({
      ...(await freshEmployee(t)),
      role: "trainer",
      unitId: await unitId(t, "TRE-ASPA"),
    }),
  },
  "grants.revoke": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async (t) => {
      const user = await makeUser(t, { grants: [{ role: "employee", unitCode: "HKI-ASPA" }] });
      return { grantId: user.grantIds[0] };
    },
  },
  "grants.findRequests": { kind: "query", allowed: ["privacy_officer"], input: none },
  "grants.approveRequest": { kind: "mutation", allowed: ["privacy_officer"], input: pendingListeningRequest },
  "grants.refuseRequest": { kind: "mutation", allowed: ["privacy_officer"], input: pendingListeningRequest },
  "units.find": { kind: "query", allowed: ["administrator"], input: async () => ({}) },
  "units.create": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async (t) => ({
      organisationId: await organisationId(t, "controller"),
      code: `U-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      name: "Uusi yksikkö",
    }),
  },
  "units.update": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async (t) => ({ unitId: await unitId(t, "TRE-ASPA"), name: "Tampere, asiakaspalvelu" }),
  },
  "organisations.find": { kind: "query", allowed: ["administrator"], input: none },
  "organisations.create": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async () => ({
      name: "Toinen Kumppani Oy",
      businessId: `${Math.floor(Math.random() * 9_000_000 + 1_000_000)}-1`,
      country: "SE",
      agreementReference: "DPA-2026-7",
      agreementValidFrom: "2026-01-01T00:00:00Z",
    }),
  },
  "organisations.update": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async (t) => ({
      organisationId: await organisationId(t, "processor"),
      agreementReference: "DEMO-SOP-2026-02",
    }),
  },
  "apiTokens.find": { kind: "query", allowed: ["administrator"], input: none },
  "apiTokens.create": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async () => ({ name: "Puhelinjärjestelmä" }),
  },
  "apiTokens.revoke": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async (t) => {
      const [row] = await t.db
        .insert(apiTokens)
        .values({ name: "old", tokenHash: hashToken(Math.random().toString()), scopes: ["recording.ingest"] })
        .returning({ id: apiTokens.id });
      return { tokenId: row?.id };
    },
  },
  "audit.find": { kind: "query", allowed: ["administrator", "privacy_officer"], input: async () => ({}) },
  "audit.get": {
    kind: "query",
    allowed: ["administrator", "privacy_officer"],
    input: async () => ({ seq: 1 }),
  },
  "audit.names": {
    kind: "query",
    allowed: ["administrator", "privacy_officer"],
    input: async () => ({ type: "user", search: "mikko" }),
  },
  "audit.verify": { kind: "mutation", allowed: ["administrator", "privacy_officer"], input: none },
  "audit.export": { kind: "mutation", allowed: ["privacy_officer"], input: async () => ({}) },
  "register.privacyNotice": { kind: "query", allowed: EVERYONE, input: async () => ({ locale: "en" }) },
  "recordings.find": { kind: "query", allowed: RECORDING_READERS, input: async () => ({}) },
  "recordings.count": { kind: "query", allowed: RECORDING_READERS, input: async () => ({}) },
  "recordings.staffMembers": { kind: "query", allowed: RECORDING_READERS, input: async () => ({}) },
  // Mikko's own call in HKI-ASPA: his own (employee), the trainer's unit, the privacy officer's all units.
  "recordings.get": {
    kind: "query",
    allowed: RECORDING_READERS,
    input: async (t) => ({ recordingId: await mikkosCall(t) }),
  },
  "playlists.find": { kind: "query", allowed: ["trainer"], input: async () => ({}) },
  "playlists.get": { kind: "query", allowed: ["trainer"], input: hkiPlaylistId },
  "playlists.listTitles": { kind: "query", allowed: ["privacy_officer"], input: async () => ({}) },
  "playlists.create": {
    kind: "mutation",
    allowed: ["trainer"],
    input: async (t) => ({ title: "Matriisi", unitId: await unitId(t, "HKI-ASPA") }),
  },
  "playlists.update": {
    kind: "mutation",
    allowed: ["trainer"],
    input: async (t) => ({ ...(await hkiPlaylistId(t)), title: "Uusi nimi" }),
  },
  "playlists.setItems": {
    kind: "mutation",
    allowed: ["trainer"],
    input: async (t) => ({
      ...(await hkiPlaylistId(t)),
      items: [{ recordingId: await mikkosCall(t), clipStartMs: 0, clipEndMs: 1000, note: "" }],
    }),
  },
  "playlists.addRecordings": {
    kind: "mutation",
    allowed: ["trainer"],
    input: async (t) => ({ ...(await hkiPlaylistId(t)), recordingIds: [await mikkosCall(t)] }),
  },
  "playlists.publish": { kind: "mutation", allowed: ["trainer"], input: hkiPlaylistId },
  "playlists.unpublish": { kind: "mutation", allowed: ["trainer"], input: hkiPlaylistId },
  "playlists.delete": {
    kind: "mutation",
    allowed: ["trainer"],
    input: async (t) => ({ ...(await hkiPlaylistId(t)), confirm: true }),
  },
  "playlists.assign": {
    kind: "mutation",
    allowed: ["trainer"],
    input: async (t) => ({ ...(await hkiPlaylistId(t)), unitIds: [await unitId(t, "HKI-ASPA")] }),
  },
  "playlists.unassign": {
    kind: "mutation",
    allowed: ["trainer"],
    input: async (t) => ({ ...(await hkiPlaylistId(t)), unitIds: [await unitId(t, "HKI-ASPA")] }),
  },
  "playlists.progress": { kind: "query", allowed: ["trainer"], input: hkiPlaylistId },
  "playlists.assignableUsers": { kind: "query", allowed: ["trainer"], input: hkiPlaylistId },
  "training.myPlaylists": {
    kind: "query",
    allowed: ["employee", "trainer", "external_trainer"],
    input: discloseToExternalTrainer,
  },
  // Mikko through the assignment to his unit; the trainer as a preview of a playlist in their unit.
  "training.playlist": { kind: "query", allowed: ["employee", "trainer"], input: hkiPlaylistId },
  "training.recordProgress": {
    kind: "mutation",
    allowed: ["employee"],
    input: async (t) => ({
      playlistItemId: (await hkiPlaylist(t)).itemId,
      intervals: [[0, 500]],
      positionMs: 500,
    }),
  },
  "training.myCalls": { kind: "query", allowed: RECORDING_READERS, input: async () => ({}) },
  "training.whoListenedToMyCalls": { kind: "query", allowed: SIGNED_IN, input: async () => ({}) },
  // The external trainer holds recording.listen and playlist.read only while a disclosure to them is active.
  "training.upcomingDisclosures": { kind: "query", allowed: SIGNED_IN, input: none },
  "training.disclosedRecordings": {
    kind: "query",
    allowed: [...RECORDING_READERS, "external_trainer"],
    input: discloseToExternalTrainer,
  },
  "disclosures.find": { kind: "query", allowed: OFFICERS, input: async () => ({}) },
  "disclosures.get": {
    kind: "query",
    allowed: OFFICERS,
    input: (t) => insertDisclosureRow(t, "statutory", "pending_approval"),
  },
  "disclosures.createTraining": { kind: "mutation", allowed: OFFICERS, input: trainingDisclosureInput },
  "disclosures.createStatutory": {
    kind: "mutation",
    allowed: OFFICERS,
    input: async (t) => ({
      authority: "Helsingin poliisilaitos",
      legalBasis: "Poliisilaki 872/2011",
      caseReference: "5500/R/1/26",
      recordingIds: [(await mikkosCall(t)) ?? ""],
    }),
  },
  "disclosures.createAccessRequest": {
    kind: "mutation",
    allowed: OFFICERS,
    input: async (t) => ({
      requesterName: "Rekisteröity",
      identityVerification: { method: "in_person_id_document", note: "Passi tarkistettu" },
      window: {
        from: new Date(t.clock.now().getTime() - 60_000).toISOString(),
        to: new Date(t.clock.now().getTime() + 60_000).toISOString(),
      },
      recordingIds: [(await mikkosCall(t)) ?? ""],
    }),
  },
  "disclosures.findExternalTrainers": {
    kind: "query",
    allowed: OFFICERS,
    input: async () => ({ query: "ulk" }),
  },
  "disclosures.approve": {
    kind: "mutation",
    allowed: OFFICERS,
    input: (t) => insertDisclosureRow(t, "statutory", "pending_approval"),
  },
  "disclosures.revoke": {
    kind: "mutation",
    allowed: OFFICERS,
    input: async (t) => ({ ...(await insertDisclosureRow(t, "training", "active")), reason: "Peruttu" }),
  },
  "disclosures.close": {
    kind: "mutation",
    allowed: OFFICERS,
    input: (t) => insertDisclosureRow(t, "statutory", "active"),
  },
  // Allowed = past authorization: a training disclosure has no package, so the officer gets 409.
  "disclosures.createDownloadLink": {
    kind: "mutation",
    allowed: OFFICERS,
    input: (t) => insertDisclosureRow(t, "training", "active"),
  },
  "legalHolds.find": { kind: "query", allowed: RETENTION_READERS, input: async () => ({}) },
  "legalHolds.place": {
    kind: "mutation",
    allowed: OFFICERS,
    input: async (t) => ({ recordingIds: [(await mikkosCall(t)) ?? ""], reason: "Riita-asia" }),
  },
  "legalHolds.release": {
    kind: "mutation",
    allowed: OFFICERS,
    input: async (t) => {
      const [hold] = await t.db
        .insert(legalHolds)
        .values({ recordingId: (await mikkosCall(t)) ?? "", reason: "Riita-asia" })
        .returning({ id: legalHolds.id });
      return { holdIds: [hold?.id], reason: "Ratkaistu" };
    },
  },
  "retention.policy": { kind: "query", allowed: RETENTION_READERS, input: none },
  "retention.updatePolicy": {
    kind: "mutation",
    allowed: OFFICERS,
    input: async () => ({ ordinaryDays: 365, trainingDays: 1096 }),
  },
  "retention.dueSoon": { kind: "query", allowed: RETENTION_READERS, input: async () => ({ weeks: 4 }) },
  "retention.erase": {
    kind: "mutation",
    allowed: OFFICERS,
    input: async (t) => ({
      recordingIds: [(await mikkosCall(t)) ?? ""],
      reason: "Tietosuoja-asetuksen 17 artikla",
    }),
  },
  "stats.dashboard": { kind: "query", allowed: ["administrator"], input: none },
  "inbox.mine": { kind: "query", allowed: SIGNED_IN, input: none },
  "inbox.count": { kind: "query", allowed: SIGNED_IN, input: none },
  "inbox.markSeen": { kind: "mutation", allowed: SIGNED_IN, input: none },
  "register.recordOfProcessing": {
    kind: "mutation",
    allowed: OFFICERS,
    input: async () => ({ locale: "en" }),
  },
  // Quality review: each input switches the feature on first (quality-review.test.ts proves it refuses when off).
  "qualitySettings.get": { kind: "query", allowed: SIGNED_IN, input: none },
  "qualitySettings.update": {
    kind: "mutation",
    allowed: ["administrator"],
    input: async () => ({ enabled: true, retentionDays: 730 }),
  },
  "quality.forms.list": { kind: "query", allowed: FORM_READERS, input: withQuality(none) },
  "quality.forms.get": {
    kind: "query",
    allowed: FORM_READERS,
    input: withQuality(async (t) => ({ formId: (await insertFormVersion(t)).formId })),
  },
  "quality.forms.create": {
    kind: "mutation",
    allowed: FORM_MANAGERS,
    input: withQuality(async () => ({ content: FORM })),
  },
  "quality.forms.saveDraft": {
    kind: "mutation",
    allowed: FORM_MANAGERS,
    input: withQuality(async (t) => ({ formId: (await insertFormVersion(t)).formId, content: FORM })),
  },
  "quality.forms.publish": {
    kind: "mutation",
    allowed: FORM_MANAGERS,
    input: withQuality(async (t) => ({ versionId: (await insertFormVersion(t, "draft")).versionId })),
  },
  "quality.forms.retire": {
    kind: "mutation",
    allowed: FORM_MANAGERS,
    input: withQuality(async (t) => ({ versionId: (await insertFormVersion(t)).versionId })),
  },
  "quality.evaluations.create": {
    kind: "mutation",
    allowed: ["trainer"],
    input: withQuality(async (t) => ({
      recordingId: await mikkosRecording(t),
      formVersionId: (await insertFormVersion(t)).versionId,
      answers: GOOD_ANSWERS,
    })),
  },
  "quality.evaluations.get": {
    kind: "query",
    allowed: ["employee", "trainer"],
    input: withQuality(async (t) => ({ evaluationId: (await insertEvaluation(t)).evaluationId })),
  },
  "quality.evaluations.forRecording": {
    kind: "query",
    allowed: ["employee", "trainer"],
    input: withQuality(async (t) => ({ recordingId: (await insertEvaluation(t)).recordingId })),
  },
  "quality.evaluations.list": {
    kind: "query",
    allowed: ["employee", "trainer"],
    input: withQuality(async (t) => ({ staffMemberId: await staffMemberOf(t, "mikko.korhonen") })),
  },
  "quality.evaluations.acknowledge": {
    kind: "mutation",
    allowed: ["employee"],
    input: withQuality(async (t) => ({ evaluationId: (await insertEvaluation(t)).evaluationId })),
  },
  "quality.moments.create": {
    kind: "mutation",
    allowed: ["trainer"],
    input: withQuality(async (t) => ({
      recordingId: await mikkosRecording(t),
      kind: "improve",
      startMs: 1000,
      endMs: 2000,
      text: "Kysy tarve ennen tarjousta",
    })),
  },
  "quality.moments.reply": {
    kind: "mutation",
    allowed: ["employee", "trainer"],
    input: withQuality(async (t) => ({
      momentId: await insertMoment(t, await mikkosRecording(t)),
      text: "Kiitos",
    })),
  },
  "quality.moments.acknowledge": {
    kind: "mutation",
    allowed: ["employee"],
    input: withQuality(async (t) => ({ momentId: await insertMoment(t, await mikkosRecording(t)) })),
  },
  "quality.disputes.raise": {
    kind: "mutation",
    allowed: ["employee"],
    input: withQuality(async (t) => ({
      evaluationId: (await insertEvaluation(t)).evaluationId,
      reason: "Asiakas keskeytti tervehdyksen",
    })),
  },
  "quality.disputes.open": { kind: "query", allowed: ["trainer"], input: withQuality(none) },
  "quality.disputes.resolve": {
    kind: "mutation",
    allowed: ["trainer"],
    input: withQuality(async (t) => ({
      disputeId: (await insertOpenDispute(t)).disputeId,
      decision: "uphold",
      resolution: "Arvio pysyy",
    })),
  },
  "quality.calibrations.create": {
    kind: "mutation",
    allowed: ["trainer"],
    input: withQuality(async (t) => ({
      recordingId: await mikkosRecording(t),
      formVersionId: (await insertFormVersion(t)).versionId,
      reviewerUserIds: [
        await userId(t, "kouluttaja"),
        (await makeUser(t, { grants: [{ role: "quality_reviewer", unitCode: "HKI-ASPA" }] })).id,
      ],
    })),
  },
  "quality.calibrations.reviewers": {
    kind: "query",
    allowed: ["trainer"],
    input: withQuality(async (t) => ({ recordingId: await mikkosRecording(t), search: "Laine" })),
  },
  "quality.calibrations.led": { kind: "query", allowed: ["trainer"], input: withQuality(none) },
  "quality.calibrations.mine": { kind: "query", allowed: ["trainer"], input: withQuality(none) },
  "quality.calibrations.submit": {
    kind: "mutation",
    allowed: ["trainer"],
    input: withQuality(async (t) => ({
      calibrationId: (await insertCalibration(t, "kouluttaja")).calibrationId,
      answers: GOOD_ANSWERS,
    })),
  },
  "quality.calibrations.spread": {
    kind: "query",
    allowed: ["trainer"],
    input: withQuality(async (t) => ({
      calibrationId: (await insertCalibration(t, "kouluttaja")).calibrationId,
    })),
  },
  "quality.sampling.rules": { kind: "query", allowed: ["administrator"], input: withQuality(none) },
  "quality.sampling.setRule": {
    kind: "mutation",
    allowed: ["administrator"],
    input: withQuality(async (t) => ({ unitId: await unitId(t, "HKI-ASPA"), perEmployeePerMonth: 3 })),
  },
  "quality.sampling.queue": { kind: "query", allowed: ["trainer"], input: withQuality(async () => ({})) },
  "quality.reports.unit": {
    kind: "query",
    allowed: ["trainer"],
    input: withQuality(async (t) => ({ unitId: await unitId(t, "HKI-ASPA") })),
  },
  "quality.reports.employee": {
    kind: "query",
    allowed: ["employee", "trainer"],
    input: withQuality(async (t) => ({ staffMemberId: await staffMemberOf(t, "mikko.korhonen") })),
  },
  "quality.coaching.start": {
    kind: "mutation",
    allowed: ["trainer"],
    input: withQuality(async (t) => ({
      evaluationId: (await insertEvaluation(t)).evaluationId,
      criterionKey: "need",
      title: "Valmennus: Tarpeen selvitys",
    })),
  },
};

const paths = Object.keys(appRouter._def.procedures).sort();

describe("authorization matrix", () => {
  it("has a row for every procedure in the router and no stale rows", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(paths);
  });

  it("pairs every denial with an allowed case", () => {
    for (const [path, row] of Object.entries(MATRIX)) {
      expect(row.allowed.length > 0 || row.allowedElsewhere !== undefined, path).toBe(true);
    }
  });

  describe.each(Object.keys(PRINCIPALS) as Principal[])("as %s", (principal) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t.close();
    });

    it.each(paths)(`%s`, async (path) => {
      const row = MATRIX[path];
      if (!row) throw new Error(`no matrix row for ${path}`);
      const username = PRINCIPALS[principal];
      // A fresh session per call: some calls (sign-out, password change) end the session they run in.
      const cookie = username ? await t.signIn(username) : undefined;
      const input = await row.input(t, principal);
      const response = await t.call(path, input, { cookie, kind: row.kind });
      if (row.allowed.includes(principal)) {
        expect([401, 403, 500], JSON.stringify(response.body)).not.toContain(response.status);
      } else {
        expect([401, 403], JSON.stringify(response.body)).toContain(response.status);
        const domain = response.body.error?.data.domain;
        expect(domain?.code).toBe(response.status === 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
        expect(JSON.stringify(response.body)).not.toMatch(/stack|at .*\.ts:\d+/);
      }
    });
  });
});
