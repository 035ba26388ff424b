/**
 * Only the quality report bench, on a throwaway test database (DATABASE_URL's server, never kuulo_bench):
 *   DATABASE_URL=postgres://… node --conditions=@kuulo/source --import tsx bench/quality-report-standalone.ts 100000
 */
import { createTestDb } from "@kuulo/db/testing";
import { startBenchApp } from "./bench-app.js";
import { insertBenchRecordings, prepareBenchStaff } from "./generate-recordings.js";
import { runQualityReportBench } from "./quality-report-bench.js";

const scale = Number(process.argv[2] ?? 20000);
const db = await createTestDb();
const app = await startBenchApp(db, { databaseUrl: db.databaseUrl ?? "" });
try {
  await prepareBenchStaff(db.db);
  await insertBenchRecordings(db.db, 0, scale);
  const result = await runQualityReportBench(
    db,
    app,
    scale,
    { maxIterations: 100, maxMs: 4000 },
    console.log,
  );
  console.log(JSON.stringify(result));
} finally {
  await app.close();
  await db.close();
}
