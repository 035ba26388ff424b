import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runLoadTest } from "../bench/load/load-test.js";

// The bounded version of `pnpm bench:load` (BENCHMARKS.md), in CI's PostgreSQL pass: three API processes
// behind nginx on one database and one s3rver, listeners, trainers, ingest and the retention purge at
// once. It asserts what must hold under any load (no errors, every listen audited exactly once, the chain
// verifies, nothing purged twice, storage reconciles), never how fast.
const serverUrl = process.env.DATABASE_URL;
const nginx = process.env.KUULO_BENCH_NGINX || "/usr/sbin/nginx";

describe.skipIf(!serverUrl || !existsSync(nginx))(
  "three instances under load (short)",
  { timeout: 600_000 },
  () => {
    it("serves 20 listeners, 4 trainers, ingest and the purge for 10 s without an error, every check clean", async () => {
      const report = await runLoadTest({
        serverUrl: serverUrl ?? "",
        nginxPath: nginx,
        databaseName: `kuulo_load_test_${process.pid}`,
        // The same roles as every PostgreSQL test database: instances connect as the one owning no table.
        roles: {
          owner: process.env.KUULO_TEST_OWNER_ROLE || "kuulo_owner",
          runtime: process.env.KUULO_TEST_RUNTIME_ROLE || "kuulo_app",
        },
        instances: 3,
        seconds: 10,
        listeners: 20,
        trainers: 4,
        ingestPerSecond: 0.5,
        thinkMs: 200,
        dueRecordings: 20,
        purgeEverySeconds: 2,
        listenableCalls: 2,
      });
      expect(report.errorSamples).toEqual([]);
      expect(report.kinds["listen.open"].requests).toBeGreaterThan(0);
      expect(report.kinds["listen.seek"].requests).toBeGreaterThan(0);
      expect(report.kinds["search.page"].requests).toBeGreaterThan(0);
      expect(report.checks.listenedPairs).toBeGreaterThan(0);
      // The purge ran during the load (by whichever process held the lease), each recording once.
      expect(report.checks.purged).toBeGreaterThan(0);
      expect(report.checks).toMatchObject({
        listensWithoutRow: 0,
        listensWithSeveralRows: 0,
        rowsWithoutListen: 0,
        chain: { ok: true },
        purged: 20,
        purgedTwice: 0,
        reconcile: { orphanObjects: 0, youngOrphans: 0, missingObjects: 0, missingExportObjects: 0 },
      });
      expect(report.clean).toBe(true);
    });
  },
);
