import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/routers/app-router.js";
import {
  type DisclosureTestApp,
  type StoredRecording,
  secondPrivacyOfficer,
  startDisclosureApp,
  storeRecording,
} from "./disclosures-harness.js";
import { dataOf } from "./helpers/test-app.js";

/**
 * R8: no manual files. Audio leaves Kuulo only through the streaming endpoint (inline, no-store) and the
 * one-time export download of a statutory or access-request disclosure. Every route and every procedure
 * is enumerated, so a new one that serves audio makes this test fail.
 */

const AUDIO_ROUTES = ["/media/recordings/:id/audio", "/exports/:token"];
const AUDIO_TYPE = /audio\/|video\/|application\/(octet-stream|x-tar|zip|gzip|ogg)/i;
const SRC = new URL("../src/", import.meta.url).pathname;

/** Encodings in which audio bytes could hide inside a JSON or text response. */
function leakPatterns(audio: Uint8Array): string[] {
  const bytes = Buffer.from(audio);
  const patterns = [bytes.subarray(0, 24).toString("hex"), [...bytes.subarray(0, 12)].join(",")];
  for (const offset of [0, 1, 2, 300, 301, 302]) {
    patterns.push(bytes.subarray(offset, offset + 30).toString("base64"));
    patterns.push(bytes.subarray(offset, offset + 30).toString("base64url"));
    patterns.push(bytes.subarray(offset, offset + 30).toString("latin1"));
  }
  return patterns;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes("__tests__"));
}

describe("only streaming and the export download produce audio (R8)", () => {
  let app: DisclosureTestApp;
  let officer: string;
  let rec: StoredRecording;
  let patterns: string[];
  const seen: { path: string; status: number; type: string; body: string }[] = [];
  /** Every procedure call of the sweep goes through here, so each response is checked. */
  const call = async (path: string, input: unknown, cookie: string, kind: "query" | "mutation") => {
    const response = await app.t.call(path, input, { cookie, kind });
    seen.push({
      path,
      status: response.status,
      type: String(response.headers["content-type"] ?? ""),
      body: JSON.stringify(response.body),
    });
  };

  beforeAll(async () => {
    app = await startDisclosureApp({ KUULO_FOUR_EYES_STATUTORY: "false" });
    officer = await app.t.signIn("tietosuoja");
    rec = await storeRecording(app);
    patterns = leakPatterns(rec.audio);
  });
  afterAll(async () => {
    await app.close();
  });

  it("the routes that can serve audio are exactly the streaming route and the export download", async () => {
    const routes = app.t.app
      .printRoutes({ commonPrefix: false })
      .split("\n")
      .map((line) => /(\/\S*) \(([^)]*)\)/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ path: match[1] ?? "", methods: (match[2] ?? "").split(", ") }));
    expect(routes.length).toBeGreaterThan(3);

    const statutory = dataOf<{ disclosure: { id: string } }>(
      await app.t.call(
        "disclosures.createStatutory",
        { authority: "Poliisi", legalBasis: "Poliisilaki", caseReference: "R8-1", recordingIds: [rec.id] },
        { cookie: officer },
      ),
    );
    const link = dataOf<{ path: string }>(
      await app.t.call(
        "disclosures.createDownloadLink",
        { disclosureId: statutory.disclosure.id },
        { cookie: officer },
      ),
    );
    const token = link.path.split("/").pop() ?? "";
    const serving: string[] = [];
    for (const route of routes) {
      if (route.path.startsWith("/trpc")) continue;
      const url = route.path.replace(":id", rec.id).replace(":token", token);
      for (const method of route.methods.filter((m) => m === "GET" || m === "POST")) {
        const response = await app.t.app.inject({
          method: method as "GET" | "POST",
          url,
          headers: { cookie: officer, "sec-fetch-site": "same-origin" },
        });
        const type = String(response.headers["content-type"] ?? "");
        const body = response.rawPayload.toString("latin1");
        const servesAudio =
          AUDIO_TYPE.test(type) || body.includes(Buffer.from(rec.audio.subarray(0, 32)).toString("latin1"));
        if (servesAudio) serving.push(route.path);
        if (String(response.headers["content-disposition"] ?? "").startsWith("attachment")) {
          expect(route.path, "only the export download is an attachment").toBe("/exports/:token");
        }
      }
    }
    // Both audio routes are proven to work here, so a broken detector cannot pass silently.
    expect([...new Set(serving)].sort()).toEqual([...AUDIO_ROUTES].sort());
  });

  it("no procedure returns audio bytes in any encoding, whatever the caller", async () => {
    const training = await app.t.call(
      "disclosures.createTraining",
      {
        recipientName: "Aino Ulkoinen",
        recipientOrganisation: "R8 Koulutus Oy",
        recipientCountry: "FI",
        recipientEmail: "aino@r8.example",
        ndaReference: "NDA-R8",
        ndaSignedOn: "2026-10-01",
        purpose: "Koulutus",
        validFrom: app.t.clock.now().toISOString(),
        validUntil: new Date(app.t.clock.now().getTime() + 3_600_000).toISOString(),
        audienceAttestation: true,
        recordingIds: [rec.id],
      },
      { cookie: officer },
    );
    const trainingId = dataOf<{ disclosure: { id: string } }>(training).disclosure.id;
    const approver = await secondPrivacyOfficer(app.t);
    const access = dataOf<{ disclosure: { id: string } }>(
      await app.t.call(
        "disclosures.createAccessRequest",
        {
          requesterName: "Rekisteröity",
          identityVerification: { method: "strong_electronic_identification", note: "Tunnistettu" },
          window: { from: "2020-01-01T00:00:00Z", to: app.t.clock.now().toISOString() },
          recordingIds: [rec.id],
        },
        { cookie: officer },
      ),
    );
    await app.t.call(
      "disclosures.approve",
      { disclosureId: access.disclosure.id },
      { cookie: approver.cookie },
    );

    const callers = [officer, await app.t.signIn("kouluttaja"), await app.t.signIn("mikko.korhonen")];
    const inputs = [
      {},
      { recordingId: rec.id },
      { disclosureId: trainingId },
      { disclosureId: access.disclosure.id },
    ];
    const procedures = Object.entries(appRouter._def.procedures) as unknown as [
      string,
      { _def: { type: string } },
    ][];
    expect(procedures.length).toBeGreaterThan(40);
    for (const [path, procedure] of procedures) {
      if (procedure._def.type !== "query") continue;
      for (const cookie of callers) {
        for (const input of inputs) await call(path, input, cookie, "query");
      }
    }
    for (const [path, procedure] of procedures) {
      // Mutations that would end the caller's own session or change credentials are not needed here.
      if (procedure._def.type !== "mutation" || path.startsWith("auth.")) continue;
      await call(path, { disclosureId: access.disclosure.id }, officer, "mutation");
    }

    expect(seen.length).toBeGreaterThan(procedures.length);
    // The sweep reached real data, not only refusals.
    expect(seen.some((entry) => entry.status === 200 && entry.path === "disclosures.get")).toBe(true);
    expect(seen.some((entry) => entry.status === 200 && entry.path === "recordings.get")).toBe(true);
    for (const entry of seen) {
      expect(entry.type, entry.path).toMatch(/^application\/json/);
      for (const pattern of patterns)
        expect(entry.body.includes(pattern), `${entry.path} leaks audio`).toBe(false);
    }
  }, 180_000);

  it("only the streaming route (through its audio service) and the export download decrypt audio (source structure)", async () => {
    const files = await sourceFiles(SRC);
    const decrypting: string[] = [];
    const importingDownload: string[] = [];
    const importingAudio: string[] = [];
    const importingListenCache: string[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      const name = relative(SRC, file);
      if (/\b(getPlaintextRange|streamPlaintextRange)\b/.test(text) && !name.startsWith("storage/"))
        decrypting.push(name);
      if (/download-export\.js/.test(text) && name !== "services/disclosures/download-export.ts")
        importingDownload.push(name);
      if (/audio-representation\.js/.test(text)) importingAudio.push(name);
      if (/listen-cache\.js/.test(text)) importingListenCache.push(name);
      if (name.startsWith("routers/"))
        expect(text, name).not.toMatch(/storage\/|download-export|build-export-package/);
    }
    expect(decrypting.sort()).toEqual([
      "services/disclosures/build-export-package.ts",
      "services/disclosures/download-export.ts",
      "services/recordings/audio-representation.ts",
    ]);
    expect(importingDownload).toEqual(["http/export-download.ts"]);
    // What a listener may be sent is built in one service, used by the streaming route alone (the route
    // and its per-instance cache of already-audited listening sessions, which only the route uses).
    expect(importingAudio.sort()).toEqual(["http/audio-route.ts", "http/listen-cache.ts"]);
    expect(importingListenCache).toEqual(["http/audio-route.ts"]);
  });
});
