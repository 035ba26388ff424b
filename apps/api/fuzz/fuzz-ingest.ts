import { readdir } from "node:fs/promises";
import { recordings, staffMembers, users } from "@kuulo/db/schema";
import { and, isNull, notExists, sql } from "drizzle-orm";
import { reconcileStorage } from "../src/cli/storage-reconcile.js";
import { ingestTempRoot } from "../src/services/recordings/clean-ingest-temp.js";
import { createToken, metadataFor, startRecordingsApp } from "../test/recordings-harness.js";
import { fuzzInput } from "./fuzz-audio.js";
import { demoSeeds, shortSeed } from "./seeds.js";

export interface IngestFuzzReport {
  uploads: number;
  created: number;
  refused: Record<number, number>;
  /** 5xx answers or failed connections: each one is a crash. */
  crashes: { index: number; status: number; body: string }[];
  leftovers: {
    tempEntries: number;
    orphanObjects: number;
    missingObjects: number;
    recordingRowsBeyondCreated: number;
    orphanStaffMembers: number;
  };
}

/**
 * Mutated short demo calls through the real HTTP ingest (multipart, machine token, worker threads,
 * encrypted storage) on a fresh database and data directory. Every answer must be 201 or a 4xx, and
 * afterwards nothing may remain of any refusal: no temp file, no object, no row.
 */
export async function fuzzIngest(options: {
  runSeed: number;
  count: number;
  /** Uploads in flight at once (the recording system may send several). */
  concurrency?: number;
  /** Called every 100 uploads with the figures so far (the long run prints them). */
  onProgress?: (report: IngestFuzzReport) => void;
}): Promise<IngestFuzzReport> {
  const app = await startRecordingsApp({ KUULO_INGEST_RATE_PER_MINUTE: "0", KUULO_LOG_LEVEL: "silent" });
  try {
    // One second of each demo call: every accepted upload is transcoded, so short seeds keep it bounded.
    const seeds = demoSeeds().map((seed) => shortSeed(seed, 1));
    const { token } = await createToken(app.t);
    const staffWithoutRecordings = () =>
      app.t.db
        .select({ count: sql<number>`count(*)::int` })
        .from(staffMembers)
        .where(
          and(
            notExists(
              app.t.db.select().from(recordings).where(sql`${recordings.staffMemberId} = ${staffMembers.id}`),
            ),
            notExists(app.t.db.select().from(users).where(sql`${users.staffMemberId} = ${staffMembers.id}`)),
          ),
        );
    const [orphanStaffBefore] = await staffWithoutRecordings();
    const report: IngestFuzzReport = {
      uploads: 0,
      created: 0,
      refused: {},
      crashes: [],
      leftovers: {
        tempEntries: 0,
        orphanObjects: 0,
        missingObjects: 0,
        recordingRowsBeyondCreated: 0,
        orphanStaffMembers: 0,
      },
    };
    let next = 0;
    const uploadOne = async (index: number) => {
      const { bytes } = fuzzInput(seeds, options.runSeed, index);
      const form = new FormData();
      form.append("metadata", JSON.stringify(metadataFor(`fuzz-${options.runSeed}-${index}`)));
      form.append("audio", new Blob([bytes]), "upload.bin");
      report.uploads += 1;
      try {
        const response = await fetch(`${app.base}/ingest/v1/recordings`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
          body: form,
        });
        const body = await response.text();
        if (response.status === 201) report.created += 1;
        else if (response.status >= 400 && response.status < 500)
          report.refused[response.status] = (report.refused[response.status] ?? 0) + 1;
        else report.crashes.push({ index, status: response.status, body: body.slice(0, 300) });
      } catch (error) {
        report.crashes.push({ index, status: 0, body: String(error) });
      }
      if (report.uploads % 100 === 0) options.onProgress?.(report);
    };
    await Promise.all(
      Array.from({ length: options.concurrency ?? 1 }, async () => {
        while (next < options.count) await uploadOne(next++);
      }),
    );
    const temp = await readdir(ingestTempRoot(app.dataDir)).catch(() => []);
    const reconcile = await reconcileStorage({
      db: app.t.db,
      store: app.storage.store,
      clock: app.t.clock,
      dryRun: true,
      actorLabel: "fuzz",
    });
    const [rows] = await app.t.db
      .select({ count: sql<number>`count(*)::int` })
      .from(recordings)
      .where(isNull(recordings.deletedAt));
    const [orphanStaffAfter] = await staffWithoutRecordings();
    report.leftovers = {
      tempEntries: temp.length,
      orphanObjects: reconcile.orphanObjects.length + reconcile.youngOrphans.length,
      missingObjects: reconcile.missingObjects.length,
      recordingRowsBeyondCreated: Number(rows?.count ?? 0) - report.created,
      orphanStaffMembers: Number(orphanStaffAfter?.count ?? 0) - Number(orphanStaffBefore?.count ?? 0),
    };
    return report;
  } finally {
    await app.close();
  }
}
