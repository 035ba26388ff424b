import { sharePgliteTemplateFile, shareTestTemplateDatabase, testDatabaseUrl } from "./env.js";
import { writePgliteTemplateFile } from "./pglite-template.js";
import { createTemplateDatabase } from "./template-database.js";

/**
 * Vitest globalSetup: migrates one template per run, which every createTestDb() copies instead of running
 * the migrations again — on PostgreSQL a template database, on PGlite a dumped data directory (else each
 * test file's worker would initdb and migrate its own). Removed after the run.
 */
export async function setupTestTemplateDatabase(): Promise<() => Promise<void>> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    const template = await writePgliteTemplateFile();
    sharePgliteTemplateFile(template.path);
    return () => template.remove();
  }
  const template = await createTemplateDatabase(serverUrl);
  shareTestTemplateDatabase(template.name);
  return () => template.drop();
}
