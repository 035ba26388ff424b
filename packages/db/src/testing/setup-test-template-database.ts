import { shareTestTemplateDatabase, testDatabaseUrl } from "./env.js";
import { createTemplateDatabase } from "./template-database.js";

/**
 * Vitest globalSetup for suites on PostgreSQL: migrates one template database per run and lets every
 * createTestDb() copy it instead of running the migrations again; dropped after the run. On PGlite
 * nothing to do (each worker copies its own migrated data directory).
 */
export async function setupTestTemplateDatabase(): Promise<(() => Promise<void>) | undefined> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) return undefined;
  const template = await createTemplateDatabase(serverUrl);
  shareTestTemplateDatabase(template.name);
  return () => template.drop();
}
