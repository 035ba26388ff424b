import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEvents, recordings, users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImportCommand } from "../src/cli/import-command.js";
import { importDemoRecordings } from "../src/cli/import-demo.js";
import { createTestApp, MASTER_KEY, type TestApp } from "./helpers/test-app.js";
import { DEMO_DATA } from "./recordings-harness.js";

let t: TestApp;
let dataDir: string;
let importDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kuulo-import-data-"));
  importDir = await mkdtemp(join(tmpdir(), "kuulo-import-src-"));
  t = await createTestApp({ env: { KUULO_DATA_DIR: dataDir } });
  for (const file of ["call-001.wav", "call-002.mp3", "call-003.opus"]) {
    await copyFile(new URL(file, DEMO_DATA), join(importDir, file));
  }
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(importDir, { recursive: true, force: true });
});

const staff = {
  firstName: "Aino",
  lastName: "Virtanen",
  username: "aino.virtanen",
  phoneNumber: "+358401234501",
  callStartedAt: "2026-10-05T09:14:00+03:00",
  unitCode: "HKI-MYYNTI",
};
const good = [
  { file: "call-001.wav", sourceRecordingId: "imp-0001", ...staff },
  { file: "call-003.opus", sourceRecordingId: "imp-0003", ...staff },
];
const bad = [
  { file: "call-002.mp3", sourceRecordingId: "imp-0002", ...staff, customerName: "Ravintola Kuvitelma" },
  { file: "call-404.wav", sourceRecordingId: "imp-0404", ...staff },
];
const jsonl = (items: object[]) => `${items.map((item) => JSON.stringify(item)).join("\n")}\n`;

async function runImport(dir = importDir) {
  const lines: string[] = [];
  const code = await runImportCommand({
    dir,
    db: t.db,
    config: t.config,
    masterKey: MASTER_KEY,
    actorLabel: "cli:test",
    clock: t.clock,
    out: (line) => lines.push(line),
  });
  return { code, output: lines.join("\n") };
}

describe("pnpm cli import <dir>", () => {
  it("imports, reports every refused item with its reason, exits non-zero, and resumes", async () => {
    await writeFile(join(importDir, "manifest.jsonl"), jsonl([good[0]!, bad[0]!, good[1]!, bad[1]!]));
    const first = await runImport();
    expect(first.code).toBe(1);
    expect(first.output).toContain("4 item(s): 2 imported, 0 already imported (skipped), 2 refused");
    expect(first.output).toMatch(/line 2 call-002\.mp3 \[imp-0002\]: .*customerName.*R4/);
    expect(first.output).toMatch(/line 4 call-404\.wav \[imp-0404\]: audio file not found/);
    const rows = await t.db.select().from(recordings);
    expect(rows.map((row) => row.sourceRecordingId).sort()).toEqual(["imp-0001", "imp-0003"]);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "recording.import"));
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorType: "system", actorLabel: "cli:test" });

    const second = await runImport();
    expect(second.code).toBe(1);
    expect(second.output).toContain("4 item(s): 0 imported, 2 already imported (skipped), 2 refused");
    expect(await t.db.select().from(recordings)).toHaveLength(2);

    await writeFile(join(importDir, "manifest.jsonl"), jsonl(good));
    const third = await runImport();
    expect(third).toMatchObject({ code: 0 });
    expect(third.output).toContain("2 item(s): 0 imported, 2 already imported (skipped), 0 refused");
  }, 120_000); // two calls transcoded on one worker: slow on a busy machine, nothing here depends on time

  it("reads a CSV manifest with a header row", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kuulo-import-csv-"));
    try {
      await copyFile(new URL("call-002.mp3", DEMO_DATA), join(dir, "puhelu 2.mp3"));
      await writeFile(
        join(dir, "manifest.csv"),
        'file,sourceRecordingId,firstName,lastName,username,phoneNumber,callStartedAt,unitCode\n"puhelu 2.mp3",imp-csv-1,Mikko,Korhonen,mikko.korhonen,040 123 4502,2026-10-07T10:02:00+03:00,HKI-ASPA\n',
      );
      const result = await runImport(dir);
      expect(result.output).toContain("1 imported");
      expect(result.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("demo start", () => {
  it("imports all twelve demo calls into the demo seed, some of them the demo employee's own", async () => {
    const lines: string[] = [];
    const imported = await importDemoRecordings(t.db, t.config, MASTER_KEY, (line) => lines.push(line));
    expect(lines.join("\n")).toContain("12 item(s): 12 imported, 0 already imported (skipped), 0 refused");
    expect(imported).toBe(12);
    const [employee] = await t.db.select().from(users).where(eq(users.username, "mikko.korhonen"));
    const own = await t.db
      .select()
      .from(recordings)
      .where(eq(recordings.staffMemberId, employee!.staffMemberId!));
    expect(own.filter((row) => row.sourceRecordingId.startsWith("demo-")).length).toBeGreaterThan(0);
    // About six minutes of audio are decoded and re-encoded on one worker thread.
  }, 180_000);
});
