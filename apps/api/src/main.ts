import { join } from "node:path";
import { createDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import { importDemoRecordings } from "./cli/import-demo.js";
import { ConfigError, loadConfig } from "./env.js";
import { printDemoLogins, printQualityStatus } from "./seed/print-demo-logins.js";
import { seedDemoIfEmpty } from "./seed/seed-demo.js";
import { seedQualityDemo } from "./seed/seed-quality-demo.js";
import { buildApp } from "./server/build-app.js";
import { loadMasterKey } from "./server/master-key.js";
import { loadQualitySettings } from "./services/quality/load-settings.js";

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
  await migrateDb(kuuloDb);
  const masterKey = await loadMasterKey(config);
  const seeded = config.mode === "demo" ? await seedDemoIfEmpty(kuuloDb.db, config, masterKey) : null;
  if (seeded) {
    await importDemoRecordings(kuuloDb.db, config, masterKey);
    await seedQualityDemo(kuuloDb.db);
  }

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
  if (config.mode === "demo") {
    printDemoLogins(seeded);
    printQualityStatus((await loadQualitySettings(kuuloDb.db)).enabled, `${shown}/admin/quality`);
  }
}

main().catch((error: unknown) => {
  console.error("Kuulo failed to start:", error);
  process.exit(1);
});
