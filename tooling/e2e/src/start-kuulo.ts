import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyDemoTemplate, demoTemplateFor } from "./demo-template.js";
import { e2eEnv } from "./env.js";
import { createFreshDatabase } from "./fresh-database.js";
import { type DemoLogin, parseDemoLogins } from "./parse-demo-logins.js";
import { spawnApi } from "./spawn-api.js";

export interface StartKuuloOptions {
  /** Absolute data directory; a fresh temporary one (removed on stop) when omitted. */
  dataDir?: string;
  /** Extra environment for the API (wins over the defaults below). */
  env?: Record<string, string>;
}

export interface RunningKuulo {
  baseUrl: string;
  dataDir: string;
  demoLogins: DemoLogin[];
  /** The demo login of a role; throws when the banner did not list it. */
  login(role: string): DemoLogin;
  /** Everything the API printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real API in demo mode on a free port with its own data directory (PGlite), or its own
 * database when DATABASE_URL is set. The data is a private copy of the run's demo template when there is
 * one (demo-template.ts), else seeded by the API's first start. Uses the built API when apps/api/dist
 * exists, else its source.
 */
export async function startKuulo(options: StartKuuloOptions = {}): Promise<RunningKuulo> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "kuulo-e2e-")));
  let database: Awaited<ReturnType<typeof createFreshDatabase>> | null = null;
  const removeData = async () => {
    await database?.drop();
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
  };
  let api: Awaited<ReturnType<typeof spawnApi>>;
  try {
    const template = await demoTemplateFor({ dataDir, env: options.env });
    if (template) await copyDemoTemplate(template, dataDir);
    if (e2eEnv.databaseUrl)
      database = await createFreshDatabase(e2eEnv.databaseUrl, template?.database ?? undefined);
    api = await spawnApi({ dataDir, database, env: options.env });
  } catch (error) {
    await removeData();
    throw error;
  }
  const output = api.output;
  const demoLogins = parseDemoLogins(output());
  return {
    baseUrl: api.baseUrl,
    dataDir,
    demoLogins,
    login(role) {
      const found = demoLogins.find((login) => login.role === role);
      if (!found) throw new Error(`no demo login for role ${role}; banner was:\n${output()}`);
      return found;
    },
    output,
    async stop() {
      await api.stop();
      await removeData();
    },
  };
}
