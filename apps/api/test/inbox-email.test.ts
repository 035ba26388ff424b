import type { AddressInfo } from "node:net";
import { playlistAssignments, users } from "@kuulo/db/schema";
import { EMAIL_DATA_CATEGORY } from "@kuulo/domain/register";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInboxDigest } from "../src/jobs/inbox-digest.js";
import { organisationId, unitId, userId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";
import { insertPublishedPlaylist, insertRecording, insertStaff } from "./training-fixtures.js";

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback: what Kuulo sends crosses a socket and is parsed as the relay would. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.server.address() as AddressInfo).port, inbox };
}

/** The message body, quoted-printable soft breaks undone so words and links read whole. */
const bodyOf = (raw: string) =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

describe("e-mail (off by default): one-time links and the daily inbox digest", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      env: {
        KUULO_EMAIL: "1",
        KUULO_SMTP_HOST: "127.0.0.1",
        KUULO_SMTP_PORT: String(smtp.port),
        KUULO_EMAIL_FROM: "kuulo@example.fi",
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
  });

  it("is off unless turned on, and the privacy notice declares the e-mail address only while on", async () => {
    const plain = await createTestApp();
    const noticeOf = async (app: TestApp) =>
      JSON.stringify(dataOf(await app.query("register.privacyNotice", { locale: "en" })));
    try {
      expect(plain.config.email).toBeNull();
      expect(await noticeOf(plain)).not.toContain(EMAIL_DATA_CATEGORY.en);
      expect(await noticeOf(t)).toContain(EMAIL_DATA_CATEGORY.en);
    } finally {
      await plain.close();
    }
  });

  it("sends a new account's one-time link to the person's own address, and only the link", async () => {
    const admin = await t.signIn("admin");
    const created = dataOf<{ setPasswordToken: string }>(
      await t.call(
        "users.create",
        {
          organisationId: await organisationId(t, "controller"),
          username: "sanna.sahko",
          firstName: "Sanna",
          lastName: "Sähkö",
          email: "sanna.sahko@example.fi",
          grants: [{ role: "employee", unitId: await unitId(t, "TRE-ASPA") }],
        },
        { cookie: admin },
      ),
    );
    const mail = smtp.inbox.find((message) => message.to.includes("sanna.sahko@example.fi"));
    expect(mail).toBeDefined();
    const body = bodyOf(mail?.raw ?? "");
    expect(body).toContain(`/admin/set-password#token=${created.setPasswordToken}`);
    expect(body).toContain("Subject: Kuulo: aseta salasanasi");
    expect(body).not.toContain("Sähkö");
  });

  it("sends each person with something waiting one digest a day: kinds and counts, no names or content", async () => {
    const mikko = await userId(t, "mikko.korhonen");
    await t.db.update(users).set({ email: "mikko@example.fi", locale: "en" }).where(eq(users.id, mikko));
    const { playlistId } = await insertPublishedPlaylist(t, {
      unitCode: "HKI-ASPA",
      recordingId: await insertRecording(t, {
        unitCode: "HKI-ASPA",
        staffMemberId: await insertStaff(t, "HKI-ASPA", "Asiakas"),
      }),
      assignUserId: mikko,
    });
    await t.db
      .update(playlistAssignments)
      .set({ dueOn: "2026-11-20" })
      .where(eq(playlistAssignments.playlistId, playlistId));
    const before = smtp.inbox.length;
    const deps = {
      db: t.db,
      clock: t.clock,
      log: t.app.log,
      masterKey: new Uint8Array(32),
      config: t.config,
    };

    const first = await runInboxDigest(deps, "test-instance");
    expect(first?.sent).toBeGreaterThanOrEqual(1);
    expect(first?.failed).toBe(0);
    const digest = smtp.inbox.slice(before).find((message) => message.to.includes("mikko@example.fi"));
    const body = bodyOf(digest?.raw ?? "");
    expect(body).toContain("Subject: Kuulo: 1 waiting for you");
    expect(body).toContain("- 1 training assigned to you");
    const text = body.slice(body.indexOf("\r\n\r\n"));
    expect(text).toContain(`${t.config.email?.linkOrigin}/inbox`);
    expect(text).not.toContain("Valmis soittolista");
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);

    // Once a day: a second run the same day sends nothing.
    const sentSoFar = smtp.inbox.length;
    expect(await runInboxDigest(deps, "test-instance")).toBeNull();
    expect(smtp.inbox.length).toBe(sentSoFar);
  });
});
