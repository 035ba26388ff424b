import { join } from "node:path";
import { createDb } from "@kuulo/db/client";
import { migrateDb, tablesOwnedByCurrentRole } from "@kuulo/db/migrate";
import { importDemoRecordings } from "./cli/import-demo.js";
import { migrateOptions } from "./cli/open-db.js";
import { ConfigError, loadConfig } from "./env.js";
import { printDemoLogins } from "./seed/print-demo-logins.js";
import { seedDemoIfEmpty } from "./seed/seed-demo.js";
import { buildApp } from "./server/build-app.js";
import { loadMasterKey } from "./server/master-key.js";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Kuulo refuses to start: ${error.message}`);
      process.exit(2);
    }
    throw error;
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
  if (seeded) await importDemoRecordings(kuuloDb.db, config, masterKey);

  const app = await buildApp({ config, db: kuuloDb.db, masterKey });
  const address = await app.listen({ port: config.port, host: config.host });

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    try {
      await app.close();
      await kuuloDb.close();
    } finally {
      process.exit(0);
    }
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  const shown = address.replace("://127.0.0.1:", "://localhost:");
  console.log(`\nKuulo (${config.mode} mode) is listening on ${shown}`);
  console.log(
    `  database: ${config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : join(config.dataDir, "pglite")}`,
  );
  console.log(
    `  admin app: ${shown}/admin/   training portal: ${shown}/   privacy notice: ${shown}/admin/privacy`,
  );
  if (config.mode === "demo") printDemoLogins(seeded);
}

main().catch((error: unknown) => {
  console.error("Kuulo failed to start:", error);
  process.exit(1);
});
