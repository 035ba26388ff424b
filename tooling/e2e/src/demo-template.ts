import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { e2eEnv } from "./env.js";
import { createFreshDatabase } from "./fresh-database.js";
import { spawnApi } from "./spawn-api.js";

/**
 * A demo Kuulo seeded once per test run (organisation, accounts, the twelve imported calls, quality and
 * disclosure demos), stopped cleanly, and copied for each startKuulo(): its data directory (PGlite or
 * the audio objects, master key, audit signing key and checkpoints) and, on PostgreSQL, its database.
 * A copy starts as a demo restart does: it finds the data, does not re-seed, prints the same banner.
 */
export interface DemoTemplate {
  dir: string;
  /** The data directory to copy. */
  dataDir: string;
  /** The PostgreSQL template database, or null when the template is PGlite (inside dataDir). */
  database: string | null;
}

const MANIFEST = "template.json";

/**
 * Settings the API only reads while it runs: a start with any of these finds nothing in the template that
 * it would have seeded differently. Anything else (storage, keys, ingest limits, e-mail, …) seeds afresh.
 */
const RUNTIME_ONLY_ENV =
  /^(KUULO_(PUBLIC_ORIGIN|TRUSTED_PROXIES|ALLOWED_CIDRS|COOKIE_SECURE|ALLOW_INSECURE_COOKIE|LOG_LEVEL|TRPC_MAX_BATCH|FOUR_EYES_[A-Z_]+|RETENTION_INTERVAL_MINUTES|INBOX_LEGAL_HOLD_REVIEW_DAYS|SHUTDOWN_GRACE_SECONDS|AUDIT_CHECKPOINT_INTERVAL_MINUTES|AUDIT_MAX_MERGE_DELAY_MS|AUDIT_SEQUENCER)|HOST)$/;

/** Seeds the template: a first demo start in a fresh data directory (and database), then a clean stop. */
export async function createDemoTemplate(): Promise<DemoTemplate & { remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "kuulo-e2e-template-"));
  const dataDir = join(dir, "data");
  await mkdir(dataDir);
  const database = e2eEnv.databaseUrl ? await createFreshDatabase(e2eEnv.databaseUrl) : null;
  const remove = async () => {
    if (database) await dropTemplateDatabase(database.name);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const api = await spawnApi({ dataDir, database });
    if (!api.output().includes("Demo data seeded")) {
      await api.stop();
      throw new Error(`the demo template's API did not seed:\n${api.output()}`);
    }
    await api.stopCleanly();
    if (database) await sealTemplateDatabase(database.name);
    const template: DemoTemplate = { dir, dataDir, database: database?.name ?? null };
    await writeFile(join(dir, MANIFEST), JSON.stringify(template));
    return { ...template, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/**
 * The run's template when this start can use it: one was made (global-setup.ts), for the same kind of
 * database, the data directory is new or empty, and every extra setting is one seeding never reads.
 */
export async function demoTemplateFor(options: {
  dataDir: string;
  env: Record<string, string> | undefined;
}): Promise<DemoTemplate | null> {
  const dir = e2eEnv.demoTemplate;
  if (!dir || dir === "0") return null;
  if (changesSeeding(options.env)) return null;
  if ((await readdir(options.dataDir).catch(() => [])).length > 0) return null;
  const template = JSON.parse(await readFile(join(dir, MANIFEST), "utf8")) as DemoTemplate;
  return (template.database !== null) === Boolean(e2eEnv.databaseUrl) ? template : null;
}

/** Whether a start with this extra environment could seed anything other than the template holds. */
export function changesSeeding(env: Record<string, string> | undefined): boolean {
  return Object.keys(env ?? {}).some((name) => !RUNTIME_ONLY_ENV.test(name));
}

/** Copies the template's data directory into `dataDir` (keys and audit checkpoints travel with the data). */
export async function copyDemoTemplate(template: DemoTemplate, dataDir: string): Promise<void> {
  await cp(template.dataDir, dataDir, { recursive: true });
}

/** Nobody connects to the template again: CREATE DATABASE … TEMPLATE needs it idle. */
async function sealTemplateDatabase(name: string) {
  const sql = postgres(e2eEnv.databaseUrl ?? "", { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`alter database "${name}" with is_template true allow_connections false`);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name}`;
  } finally {
    await sql.end();
  }
}

async function dropTemplateDatabase(name: string) {
  const sql = postgres(e2eEnv.databaseUrl ?? "", { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`alter database "${name}" with is_template false`).catch(() => {});
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end();
  }
}
