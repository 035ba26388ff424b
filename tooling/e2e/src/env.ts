/** The only reader of process.env in @kuulo/e2e. */
export const e2eEnv = {
  chromiumPath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  databaseUrl: process.env.DATABASE_URL,
  /** PostgreSQL roles of a fresh database: the same names and defaults as @kuulo/db's createTestDb. */
  roles: {
    owner: process.env.KUULO_TEST_OWNER_ROLE || "kuulo_owner",
    runtime: process.env.KUULO_TEST_RUNTIME_ROLE || "kuulo_app",
  },
  /** "source" or "dist" forces how the API runs; by default the build is used when it exists. */
  apiFrom: process.env.KUULO_E2E_API,
  /**
   * The demo template made for this test run (a directory; set by global-setup.ts), or "0" to seed every
   * Kuulo afresh as a first start does.
   */
  demoTemplate: process.env.KUULO_E2E_TEMPLATE,
  /** Set to 1 to print the API's output while tests run. */
  showApiLogs: process.env.KUULO_E2E_API_LOGS === "1",
  /** The environment the API child inherits (PATH for node, HOME for caches). */
  inherited: (): Record<string, string> =>
    Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
};

/** Hands the run's demo template to the test workers, which inherit this process's environment. */
export function shareDemoTemplate(dir: string): void {
  process.env.KUULO_E2E_TEMPLATE = dir;
}
