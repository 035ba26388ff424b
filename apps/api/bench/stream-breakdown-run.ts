import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "@kuulo/db/client";
import { playlistAssignments, playlistItems, playlists, recordings, users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { REPO_ROOT } from "../src/env.js";
import { type BenchApp, signIn, startBenchApp } from "./bench-app.js";
import { openPgliteBenchDb, openPostgresBenchDb } from "./bench-database.js";
import { loadBenchEnv } from "./env.js";
import { keepAliveAgent } from "./http-client.js";
import { ingestOne, loadDemoFiles } from "./ingest-bench.js";
import { longWavFrom } from "./long-recording.js";
import { budget } from "./measure.js";
import { machine } from "./report.js";
import { type BreakdownListener, breakdownLines, runStreamBreakdown } from "./stream-breakdown.js";

/** Two minutes from the middle of the call, as a trainer would clip a passage for a playlist item. */
const CLIP = { startMs: 60_000, endMs: 180_000 };

/**
 * A clip-only listener: the demo employee of the call's unit, to whom a published playlist with one item
 * of the recording is assigned (rows written directly: the bench measures listening, not the editor).
 */
async function clipListener(
  db: Database,
  bench: BenchApp,
  recordingId: string,
): Promise<BreakdownListener & { clipMs: number }> {
  const [recording] = await db
    .select({ unitId: recordings.unitId })
    .from(recordings)
    .where(eq(recordings.id, recordingId));
  const [employee] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, "mikko.korhonen"));
  if (!recording || !employee) throw new Error("no recording or demo employee for the clip listener");
  const [playlist] = await db
    .insert(playlists)
    .values({ title: "Pätkä", unitId: recording.unitId, status: "published", publishedAt: new Date() })
    .returning({ id: playlists.id });
  if (!playlist) throw new Error("insert failed");
  const [item] = await db
    .insert(playlistItems)
    .values({
      playlistId: playlist.id,
      position: 0,
      recordingId,
      clipStartMs: CLIP.startMs,
      clipEndMs: CLIP.endMs,
    })
    .returning({ id: playlistItems.id });
  await db.insert(playlistAssignments).values({ playlistId: playlist.id, userId: employee.id });
  const origin =
    bench.config.publicOrigins.find((candidate) => candidate.includes("127.0.0.1")) ?? bench.baseUrl;
  return {
    url: `${bench.baseUrl}/media/recordings/${recordingId}/audio?playlist=${playlist.id}&item=${item?.id}`,
    cookie: await signIn(bench.baseUrl, origin, "mikko.korhonen"),
    clipMs: CLIP.endMs - CLIP.startMs,
  };
}

// `pnpm --filter @kuulo/api bench:stream-breakdown`: where a Range request's time goes, full path against
// the fast path, for a whole-call listener and a clip-only listener (a playlist item), into
// bench-results/stream-breakdown.json. KUULO_BENCH_BREAKDOWN_DB=pglite for PGlite.
const env = loadBenchEnv();
const started = machine();
const database =
  process.env.KUULO_BENCH_BREAKDOWN_DB === "pglite"
    ? await openPgliteBenchDb()
    : await openPostgresBenchDb(env.postgresServerUrl, env.postgresDatabase);
const bench = await startBenchApp(database.kuuloDb, { databaseUrl: database.databaseUrl });
try {
  const files = await loadDemoFiles(join(REPO_ROOT, "apps", "api", "demo-data"));
  const wav = files.find((file) => file.file.endsWith(".wav") && file.bytes.readUInt16LE(20) === 1);
  if (!wav) throw new Error("no PCM WAV among the demo calls");
  const long = longWavFrom(wav, 300, "bench-breakdown-call");
  const agent = keepAliveAgent(1);
  const recording = await ingestOne(agent, bench, long, {
    ...long.metadata,
    firstName: "Pitkä",
    lastName: "Puhelu",
    username: "pitka.puhelu",
    unitCode: "HKI-ASPA",
  });
  agent.destroy();
  const result = await runStreamBreakdown(
    { url: `${bench.baseUrl}/media/recordings/${recording.id}/audio`, cookie: bench.trainerCookie },
    await clipListener(database.kuuloDb.db, bench, recording.id),
    { maxIterations: 2000, maxMs: budget(6000, env.timeFactor) },
  );
  const dir = join(REPO_ROOT, "bench-results");
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "stream-breakdown.json"),
    `${JSON.stringify({ machine: started, database: database.label, breakdown: result }, null, 2)}\n`,
  );
  console.log(
    [
      `${database.label}, load average ${started.loadAverageAtStart.join(" ")}`,
      ...breakdownLines(result),
    ].join("\n"),
  );
} finally {
  await bench.close();
  await database.close();
}
