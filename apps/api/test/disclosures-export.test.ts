import { createHash } from "node:crypto";
import { exportPackages, legalHolds, recordings, users } from "@kuulo/db/schema";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayErasureJournal } from "../src/backup/replay-erasure-journal.js";
import { readTar } from "../src/services/disclosures/tar-writer.js";
import {
  type DisclosureTestApp,
  type StoredRecording,
  secondPrivacyOfficer,
  sessionFor,
  startDisclosureApp,
  storeRecording,
} from "./disclosures-harness.js";
import { makeUser } from "./helpers/fixtures.js";
import { dataOf } from "./helpers/test-app.js";
import { TEST_ORIGIN } from "./helpers/test-config.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface DisclosureOut {
  id: string;
  status: string;
  exportPackage: { sha256: string; sizeBytes: number; downloadedAt: string | null } | null;
}

describe("statutory disclosure: four-eyes, one export package, downloaded once (R6b, R8)", () => {
  let app: DisclosureTestApp;
  let officer: string;
  let approver: { id: string; cookie: string };
  let recs: StoredRecording[];

  beforeAll(async () => {
    app = await startDisclosureApp();
    officer = await app.t.signIn("tietosuoja");
    approver = await secondPrivacyOfficer(app.t);
    recs = [await storeRecording(app), await storeRecording(app, { unitCode: "TRE-ASPA" })];
  });
  afterAll(async () => {
    await app.close();
  });

  const download = (path: string, cookie: string, site = "same-origin") =>
    app.t.app.inject({ method: "GET", url: path, headers: { cookie, "sec-fetch-site": site } });

  it("holds the recordings, waits for another officer, then exports a package that verifies against its manifest", async () => {
    const created = dataOf<{ disclosure: DisclosureOut }>(
      await app.t.call(
        "disclosures.createStatutory",
        {
          authority: "Helsingin poliisilaitos",
          legalBasis: "Poliisilaki 872/2011 4 luku 3 §",
          caseReference: "5500/R/12345/26",
          recordingIds: recs.map((rec) => rec.id),
        },
        { cookie: officer },
      ),
    );
    expect(created.disclosure.status).toBe("pending_approval");
    expect(created.disclosure.exportPackage).toBeNull();
    const held = await app.t.db
      .select({ legalHold: recordings.legalHold, purgeDueAt: recordings.purgeDueAt })
      .from(recordings)
      .where(
        inArray(
          recordings.id,
          recs.map((rec) => rec.id),
        ),
      );
    expect(held.every((row) => row.legalHold && row.purgeDueAt === null)).toBe(true);

    const self = await app.t.call(
      "disclosures.approve",
      { disclosureId: created.disclosure.id },
      { cookie: officer },
    );
    expect(self.status).toBe(403);
    expect(self.body.error?.data.domain).toMatchObject({
      code: "FORBIDDEN",
      reason: "disclosure.four_eyes",
      rule: "R6",
    });

    const approved = dataOf<{ disclosure: DisclosureOut }>(
      await app.t.call(
        "disclosures.approve",
        { disclosureId: created.disclosure.id },
        { cookie: approver.cookie },
      ),
    );
    expect(approved.disclosure.status).toBe("active");
    const pkg = approved.disclosure.exportPackage;
    expect(pkg?.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Stored encrypted: the object holds neither the manifest nor the audio in the clear.
    const [stored] = await app.t.db
      .select()
      .from(exportPackages)
      .where(eq(exportPackages.disclosureId, created.disclosure.id));
    const size = await app.store.inner.size(stored?.storageKey ?? "");
    const raw = Buffer.from(await app.store.inner.getRange(stored?.storageKey ?? "", 0, size - 1));
    expect(raw.includes(Buffer.from("manifest.json"))).toBe(false);
    expect(raw.includes(Buffer.from(recs[0]?.audio.subarray(0, 64) ?? []))).toBe(false);
    expect(stored?.wrappedDataKey).not.toBeNull();

    const link = dataOf<{ path: string; expiresAt: string; sha256: string }>(
      await app.t.call(
        "disclosures.createDownloadLink",
        { disclosureId: created.disclosure.id },
        { cookie: officer },
      ),
    );
    expect(link.path).toMatch(/^\/exports\/[a-z2-7]{52}$/);
    expect(new Date(link.expiresAt).getTime() - app.t.clock.now().getTime()).toBe(10 * 60_000);

    // Bound to the officer who asked for it, and same-origin only.
    expect((await download(link.path, approver.cookie)).statusCode).toBe(404);
    expect((await download(link.path, officer, "cross-site")).statusCode).toBe(403);
    expect((await download(link.path, "")).statusCode).toBe(401);

    const first = await download(link.path, officer);
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-disposition"]).toMatch(
      /^attachment; filename="kuulo-statutory-[0-9a-f]{8}\.tar"$/,
    );
    expect(first.headers["cache-control"]).toBe("no-store");
    const body = new Uint8Array(first.rawPayload);
    expect(sha256(body)).toBe(pkg?.sha256);

    const entries = readTar(body);
    expect(entries[0]?.name).toBe("manifest.json");
    const manifest = JSON.parse(Buffer.from(entries[0]?.data ?? []).toString("utf8"));
    expect(manifest.disclosure).toMatchObject({
      id: created.disclosure.id,
      kind: "statutory",
      authority: "Helsingin poliisilaitos",
      caseReference: "5500/R/12345/26",
      preparedBy: "tietosuoja",
    });
    expect(manifest.disclosure.approvedBy).toMatch(/^person/);
    expect(manifest.files).toHaveLength(2);
    for (const file of manifest.files) {
      const entry = entries.find((candidate) => candidate.name === file.path);
      expect(entry, file.path).toBeDefined();
      expect(sha256(entry?.data ?? new Uint8Array())).toBe(file.sha256);
      expect(file).toMatchObject({ format: "webm-opus", originalFormat: "wav-pcm16", durationMs: 42_000 });
      const original = recs.find((rec) => rec.id === file.recordingId);
      expect(new Uint8Array(entry?.data ?? [])).toEqual(original?.audio);
    }

    const second = await download(link.path, officer);
    expect(second.statusCode).toBe(410);
    const again = await app.t.call(
      "disclosures.createDownloadLink",
      { disclosureId: created.disclosure.id },
      { cookie: officer },
    );
    expect(again.status).toBe(409);

    const view = dataOf<{ disclosure: DisclosureOut; trail: { action: string }[] }>(
      await app.t.query("disclosures.get", { disclosureId: created.disclosure.id }, officer),
    );
    expect(view.disclosure.status).toBe("delivered");
    expect(view.trail.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        "disclosure.create",
        "legal_hold.place",
        "disclosure.approve",
        "disclosure.export_create",
        "disclosure.export_link_create",
        "disclosure.export_download",
      ]),
    );

    const [beforeClose] = await app.t.db
      .select()
      .from(exportPackages)
      .where(eq(exportPackages.disclosureId, created.disclosure.id));
    if (!beforeClose) throw new Error("no export package");
    const ciphertext = await app.store.inner.getRange(
      beforeClose.storageKey,
      0,
      (await app.store.inner.size(beforeClose.storageKey)) - 1,
    );
    const closed = dataOf<{ disclosure: DisclosureOut }>(
      await app.t.call("disclosures.close", { disclosureId: created.disclosure.id }, { cookie: officer }),
    );
    expect(closed.disclosure.status).toBe("closed");
    const after = await app.t.db
      .select({
        legalHold: recordings.legalHold,
        purgeDueAt: recordings.purgeDueAt,
        callStartedAt: recordings.callStartedAt,
      })
      .from(recordings)
      .where(
        inArray(
          recordings.id,
          recs.map((rec) => rec.id),
        ),
      );
    for (const row of after) {
      expect(row.legalHold).toBe(false);
      expect(row.purgeDueAt?.getTime()).toBe(row.callStartedAt.getTime() + 365 * 86_400_000);
    }
    const holds = await app.t.db
      .select()
      .from(legalHolds)
      .where(eq(legalHolds.disclosureId, created.disclosure.id));
    expect(holds.every((hold) => hold.releasedAt !== null)).toBe(true);
    const [closedPackage] = await app.t.db
      .select()
      .from(exportPackages)
      .where(eq(exportPackages.disclosureId, created.disclosure.id));
    expect(closedPackage?.sha256).toBe(pkg?.sha256);
    expect(closedPackage?.wrappedDataKey).toBeNull();
    expect(await app.store.inner.exists(closedPackage?.storageKey ?? "")).toBe(false);

    // Restoring a backup from before the close brings key and object back; the erasure journal takes them again.
    await app.t.db
      .update(exportPackages)
      .set({ wrappedDataKey: beforeClose.wrappedDataKey, expiresAt: beforeClose.expiresAt })
      .where(eq(exportPackages.id, beforeClose.id));
    await app.store.inner.put(beforeClose.storageKey, ciphertext);
    const replay = await replayErasureJournal({
      db: app.t.db,
      store: app.store,
      config: app.t.config,
      clock: app.t.clock,
      actorLabel: "test:restore",
    });
    expect(replay.packagesErasedAgain).toEqual([beforeClose.id]);
    const [replayed] = await app.t.db
      .select()
      .from(exportPackages)
      .where(eq(exportPackages.id, beforeClose.id));
    expect(replayed?.wrappedDataKey).toBeNull();
    expect(await app.store.inner.exists(beforeClose.storageKey)).toBe(false);
  });

  it("refuses a statutory disclosure to an authority outside the EU/EEA (R7)", async () => {
    const response = await app.t.call(
      "disclosures.createStatutory",
      {
        authority: "Foreign police",
        legalBasis: "x",
        caseReference: "1",
        recordingIds: [recs[0]?.id],
        recipientCountry: "US",
      },
      { cookie: officer },
    );
    expect(response.body.error?.data.domain).toMatchObject({ field: "recipientCountry", rule: "R7" });
  });
});

describe("a unit-scoped privacy officer sees only disclosures within their units (IDOR)", () => {
  let app: DisclosureTestApp;
  beforeAll(async () => {
    app = await startDisclosureApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it("refuses another unit's disclosure and recordings, and lists only its own", async () => {
    const officer = await app.t.signIn("tietosuoja");
    const tampere = await storeRecording(app, { unitCode: "TRE-ASPA" });
    const helsinki = await storeRecording(app, { unitCode: "HKI-ASPA" });
    const create = (recordingId: string, cookie: string) =>
      app.t.call(
        "disclosures.createStatutory",
        {
          authority: "Poliisi",
          legalBasis: "Poliisilaki",
          caseReference: "IDOR-1",
          recordingIds: [recordingId],
        },
        { cookie },
      );
    const foreign = dataOf<{ disclosure: { id: string } }>(await create(tampere.id, officer));
    const scoped = await makeUser(app.t, { grants: [{ role: "privacy_officer", unitCode: "HKI-ASPA" }] });
    await app.t.db.update(users).set({ totpEnabledAt: app.t.clock.now() }).where(eq(users.id, scoped.id));
    const cookie = await sessionFor(app.t, scoped.id);

    expect(
      (await app.t.query("disclosures.get", { disclosureId: foreign.disclosure.id }, cookie)).status,
    ).toBe(403);
    expect(
      (await app.t.call("disclosures.approve", { disclosureId: foreign.disclosure.id }, { cookie })).status,
    ).toBe(403);
    expect((await create(tampere.id, cookie)).status).toBe(403);
    const own = dataOf<{ disclosure: { id: string } }>(await create(helsinki.id, cookie));
    const listed = dataOf<{ items: { id: string }[] }>(await app.t.query("disclosures.find", {}, cookie));
    expect(listed.items.map((item) => item.id)).toEqual([own.disclosure.id]);
    const all = dataOf<{ items: { id: string }[] }>(await app.t.query("disclosures.find", {}, officer));
    expect(all.items.map((item) => item.id).sort()).toEqual(
      [own.disclosure.id, foreign.disclosure.id].sort(),
    );
  });
});

describe("data-subject access request (R6c)", () => {
  let app: DisclosureTestApp;
  let officer: string;

  beforeAll(async () => {
    app = await startDisclosureApp({ KUULO_FOUR_EYES_ACCESS_REQUEST: "false" });
    officer = await app.t.signIn("tietosuoja");
  });
  afterAll(async () => {
    await app.close();
  });

  it("finds the calls by window and staff member and delivers one package once", async () => {
    const callAt = new Date(app.t.clock.now().getTime() - 3 * 86_400_000);
    const wanted = await storeRecording(app, { callStartedAt: callAt });
    await storeRecording(app, {
      staffMemberId: wanted.staffMemberId,
      callStartedAt: new Date(callAt.getTime() - 10 * 86_400_000),
    });
    await storeRecording(app, { callStartedAt: callAt });
    const window = {
      from: new Date(callAt.getTime() - 3_600_000).toISOString(),
      to: new Date(callAt.getTime() + 3_600_000).toISOString(),
    };
    // The officer finds them with the same recording search every picker uses ("to" is exclusive there).
    const found = dataOf<{ items: { id: string }[] }>(
      await app.t.query(
        "recordings.find",
        {
          from: window.from,
          to: new Date(Date.parse(window.to) + 1).toISOString(),
          staffMemberId: wanted.staffMemberId,
        },
        officer,
      ),
    );
    expect(found.items.map((recording) => recording.id)).toEqual([wanted.id]);

    const refused = await app.t.call(
      "disclosures.createAccessRequest",
      {
        requesterName: "Maija Asiakas",
        identityVerification: {
          method: "in_person_id_document",
          note: "henkilötunnus 131052-308T tarkistettu",
        },
        window,
        recordingIds: [wanted.id],
      },
      { cookie: officer },
    );
    expect(refused.body.error?.data.domain).toMatchObject({
      code: "VALIDATION",
      field: "identityVerification.note",
    });

    const created = dataOf<{ disclosure: DisclosureOut }>(
      await app.t.call(
        "disclosures.createAccessRequest",
        {
          requesterName: "Maija Asiakas",
          identityVerification: {
            method: "in_person_id_document",
            note: "Passi tarkistettu asiakaspalvelupisteessä",
          },
          window,
          staffMemberId: wanted.staffMemberId,
          recordingIds: [wanted.id],
        },
        { cookie: officer },
      ),
    );
    expect(created.disclosure.status).toBe("active");
    const link = dataOf<{ path: string }>(
      await app.t.call(
        "disclosures.createDownloadLink",
        { disclosureId: created.disclosure.id },
        { cookie: officer },
      ),
    );
    const response = await app.t.app.inject({
      method: "GET",
      url: link.path,
      headers: { cookie: officer, "sec-fetch-site": "same-origin", origin: TEST_ORIGIN },
    });
    expect(response.statusCode).toBe(200);
    expect(sha256(new Uint8Array(response.rawPayload))).toBe(created.disclosure.exportPackage?.sha256);
    const audit = await app.t.query("audit.find", {}, officer);
    expect(JSON.stringify(audit.body)).not.toContain("Maija Asiakas");
    expect(
      (await app.t.app.inject({ method: "GET", url: link.path, headers: { cookie: officer } })).statusCode,
    ).toBe(410);
  });
});
