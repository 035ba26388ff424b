import { join } from "node:path";
import { createDb } from "@kuulo/db/client";
import { migrateDb, tablesOwnedByCurrentRole } from "@kuulo/db/migrate";
import { importDemoRecordings } from "../cli/import-demo.js";
import { migrateOptions } from "../cli/open-db.js";
import { type Config, ConfigError, loadConfig } from "../env.js";
import { startMetricsServer } from "../observability/metrics-server.js";
import { printDemoLogins, printQualityStatus } from "../seed/print-demo-logins.js";
import { seedDemoIfEmpty } from "../seed/seed-demo.js";
import { seedDemoHistory } from "../seed/seed-demo-history.js";
import { seedDisclosureDemo } from "../seed/seed-disclosure-demo.js";
import { seedQualityDemo } from "../seed/seed-quality-demo.js";
import { loadCheckpointKey } from "../services/audit/checkpoint-key.js";
import { loadQualitySettings } from "../services/quality/load-settings.js";
import { buildApp } from "./build-app.js";
import { drainAndClose, lifecycleOfApp } from "./lifecycle.js";
import { loadMasterKey } from "./master-key.js";

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Kuulo refuses to start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * `kuulo serve` / `pnpm start`: migrate, (demo only) seed, listen; SIGTERM or SIGINT drains within
 * KUULO_SHUTDOWN_GRACE_SECONDS and exits 0 (docs/operations.md, "Stopping and restarting").
 */
export async function serve(): Promise<void> {
  const config = configOrExit();
  // Production has no checkpoints without the signing key (R14): refuse before touching the database.
  if (config.mode === "production" && !(await loadCheckpointKey(config, { create: false }))) {
    console.error(
      `Kuulo refuses to start: KUULO_AUDIT_SIGNING_KEY_FILE: ${config.auditCheckpoints.signingKey?.path} does not exist`,
    );
    process.exit(2);
  }
  const kuuloDb = await createDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, "pglite") },
  );
  await migrateDb(kuuloDb, migrateOptions(config));
  if (config.databaseUrl) {
    // A role owning the tables could ALTER TABLE audit_events DISABLE TRIGGER and rewrite the log (R14).
    const owned = await tablesOwnedByCurrentRole(kuuloDb.db);
    if (owned.length > 0) {
      const message = `DATABASE_URL's role owns (or, as a superuser, can alter) ${owned.length} of Kuulo's tables (${owned.slice(0, 3).join(", ")}, …); run the API as a role that owns none and migrate with KUULO_MIGRATION_DATABASE_URL (README, "Running on PostgreSQL")`;
      if (config.mode === "production") {
        console.error(`Kuulo refuses to start: ${message}`);
        process.exit(2);
      }
      console.warn(`Warning: ${message}`);
    }
  }
  const masterKey = await loadMasterKey(config);
  const seeded = config.mode === "demo" ? await seedDemoIfEmpty(kuuloDb.db, config, masterKey) : null;
  if (seeded) {
    await importDemoRecordings(kuuloDb.db, config, masterKey);
    // Before the quality and disclosure demos, which take their calls' times as the history leaves them.
    await seedDemoHistory(kuuloDb.db);
    await seedQualityDemo(kuuloDb.db);
    await seedDisclosureDemo(kuuloDb.db);
  }

  const app = await buildApp({ config, db: kuuloDb.db, masterKey });
  const address = await app.listen({ port: config.port, host: config.host });
  const metricsServer = config.operations.metrics
    ? await startMetricsServer(config.operations.metrics)
    : undefined;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal, graceMs: config.operations.shutdownGraceMs }, "shutting down: draining");
    let code = 0;
    try {
      const { cut } = await drainAndClose(app, lifecycleOfApp(app), config.operations.shutdownGraceMs);
      await metricsServer?.close();
      await kuuloDb.close();
      app.log.info({ cut }, "stopped");
    } catch (error) {
      app.log.error({ err: error }, "shutdown failed");
      code = 1;
    } finally {
      process.exit(code);
    }
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  const shown = address.replace("://127.0.0.1:", "://localhost:");
  console.log(`\nKuulo (${config.mode} mode) is listening on ${shown}`);
  console.log(
    `  database: ${config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : join(config.dataDir, "pglite")}`,
  );
  if (metricsServer) {
    const { port } = metricsServer.server.address() as { port: number };
    console.log(`  metrics: http://${config.operations.metrics?.host}:${port}/metrics`);
  }
  console.log(
    `  admin app: ${shown}/admin/   training portal: ${shown}/   privacy notice: ${shown}/admin/privacy`,
  );
  if (config.mode === "demo") {
    printDemoLogins(seeded);
    printQualityStatus((await loadQualitySettings(kuuloDb.db)).enabled, `${shown}/admin/quality`);
  }
}
