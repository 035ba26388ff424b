/** Tests run on PGlite unless DATABASE_URL names a PostgreSQL server (CONTRIBUTING.md). */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && url.length > 0 ? url : undefined;
}

/**
 * The PostgreSQL roles test databases use: the owner migrates, the runtime role is what the tests (like
 * the API) connect as. createTestDb creates them when missing (the server URL must be a superuser's).
 */
export function testRoles(): { owner: string; runtime: string } {
  return {
    owner: process.env.KUULO_TEST_OWNER_ROLE || "kuulo_owner",
    runtime: process.env.KUULO_TEST_RUNTIME_ROLE || "kuulo_app",
  };
}

/**
 * A migrated PostgreSQL database that test databases are copied from (CREATE DATABASE … TEMPLATE), made
 * once per run by the test-template global setup; unset: each test database is migrated itself.
 */
export function testTemplateDatabase(): string | undefined {
  return process.env.KUULO_TEST_TEMPLATE_DATABASE || undefined;
}

/** Hands the run's template database to the test workers, which inherit this process's environment. */
export function shareTestTemplateDatabase(name: string): void {
  process.env.KUULO_TEST_TEMPLATE_DATABASE = name;
}

/**
 * A migrated PGlite data directory (tar) that in-memory test databases start from, written once per run
 * by the test-template global setup; unset: each worker migrates its own.
 */
export function testPgliteTemplateFile(): string | undefined {
  return process.env.KUULO_TEST_PGLITE_TEMPLATE || undefined;
}

/** Hands the run's PGlite template file to the test workers, which inherit this process's environment. */
export function sharePgliteTemplateFile(path: string): void {
  process.env.KUULO_TEST_PGLITE_TEMPLATE = path;
}
