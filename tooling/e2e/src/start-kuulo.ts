import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { e2eEnv } from "./env.js";
import { freePort } from "./free-port.js";
import { createFreshDatabase } from "./fresh-database.js";
import { type DemoLogin, parseDemoLogins } from "./parse-demo-logins.js";

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

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const API_DIR = join(REPO_ROOT, "apps/api");

/**
 * Starts the real API in demo mode on a free port with a fresh data directory (PGlite), or a fresh
 * database when DATABASE_URL is set. Uses the built API when apps/api/dist exists, else its source.
 */
export async function startKuulo(options: StartKuuloOptions = {}): Promise<RunningKuulo> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "kuulo-e2e-")));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const database = e2eEnv.databaseUrl ? await createFreshDatabase(e2eEnv.databaseUrl) : null;
  const env: Record<string, string> = {
    ...e2eEnv.inherited(),
    KUULO_MODE: "demo",
    PORT: String(port),
    HOST: "127.0.0.1",
    KUULO_DATA_DIR: dataDir,
    KUULO_PUBLIC_ORIGIN: baseUrl,
    KUULO_LOG_LEVEL: "warn",
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.KUULO_MIGRATION_DATABASE_URL;
  if (database) {
    env.DATABASE_URL = database.url;
    env.KUULO_MIGRATION_DATABASE_URL = database.ownerUrl;
  }

  const built = e2eEnv.apiFrom ? e2eEnv.apiFrom === "dist" : existsSync(join(API_DIR, "dist/main.js"));
  const args = built
    ? ["--enable-source-maps", "dist/main.js"]
    : ["--conditions=@kuulo/source", "--import", "tsx", "src/main.ts"];
  const child = spawn(process.execPath, args, { cwd: API_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (e2eEnv.showApiLogs) process.stderr.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const cleanup = async () => {
    await stopChild(child);
    await database?.drop();
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    // Waits on the API's state only (answering, or exited): on an overloaded machine the demo import
    // before listening can take minutes, and the test runner's hook timeout is the bound for a hang.
    await waitUntilAnswering(baseUrl, child, () => output);
    // The demo banner is printed right after the listening line.
    await waitFor(child, () => parseDemoLogins(output).length > 0 || !output.includes("Demo"));
  } catch (error) {
    await cleanup();
    throw error;
  }
  const demoLogins = parseDemoLogins(output);
  return {
    baseUrl,
    dataDir,
    demoLogins,
    login(role) {
      const found = demoLogins.find((login) => login.role === role);
      if (!found) throw new Error(`no demo login for role ${role}; banner was:\n${output}`);
      return found;
    },
    output: () => output,
    stop: cleanup,
  };
}

async function waitUntilAnswering(baseUrl: string, child: ChildProcess, output: () => string) {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the API exited with ${child.exitCode ?? child.signalCode}:\n${output()}`);
    }
    try {
      // No client timeout: a busy API that has accepted the connection answers eventually.
      const response = await fetch(`${baseUrl}/trpc/auth.me`);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function waitFor(child: ChildProcess, condition: () => boolean) {
  while (!condition()) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
