import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { e2eEnv } from "./env.js";
import { freePort } from "./free-port.js";
import { parseDemoLogins } from "./parse-demo-logins.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const API_DIR = join(REPO_ROOT, "apps/api");

export interface ApiProcess {
  baseUrl: string;
  /** Everything the API printed so far. */
  output(): string;
  /** SIGTERM (the API drains, links its audit rows and closes the database), SIGKILL if it hangs. */
  stop(): Promise<void>;
  /** SIGTERM and wait for a clean exit however long it takes (no SIGKILL); throws on any other exit. */
  stopCleanly(): Promise<void>;
}

/** The database a spawned API uses: the runtime role's URL, and the owner's for migrations. */
export interface ApiDatabase {
  url: string;
  ownerUrl: string;
}

/**
 * The real API in demo mode on a free port, started from its build (apps/api/dist) when present, else
 * its source. Resolves once it answers and has printed its demo banner, or rejects if it exits first.
 */
export async function spawnApi(options: {
  dataDir: string;
  database: ApiDatabase | null;
  env?: Record<string, string> | undefined;
}): Promise<ApiProcess> {
  for (;;) {
    // The port is free when the OS hands it out, but another process (e.g. the other browser suite,
    // which runs beside this one) may bind it before the API does; then the API exits and we try anew.
    const port = await freePort();
    const started = await spawnApiOn(port, options);
    if (started !== "port taken") return started;
  }
}

async function spawnApiOn(
  port: number,
  options: { dataDir: string; database: ApiDatabase | null; env?: Record<string, string> | undefined },
): Promise<ApiProcess | "port taken"> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...e2eEnv.inherited(),
    KUULO_MODE: "demo",
    PORT: String(port),
    HOST: "127.0.0.1",
    KUULO_DATA_DIR: options.dataDir,
    KUULO_PUBLIC_ORIGIN: baseUrl,
    KUULO_LOG_LEVEL: "warn",
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.KUULO_MIGRATION_DATABASE_URL;
  if (options.database) {
    env.DATABASE_URL = options.database.url;
    env.KUULO_MIGRATION_DATABASE_URL = options.database.ownerUrl;
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
  const api: ApiProcess = {
    baseUrl,
    output: () => output,
    stop: () => stopChild(child, true),
    async stopCleanly() {
      await stopChild(child, false);
      if (child.exitCode !== 0)
        throw new Error(`the API did not stop cleanly (${child.exitCode ?? child.signalCode}):\n${output}`);
    },
  };
  try {
    // Waits on the API's state only (answering, or exited): on an overloaded machine the demo import
    // before listening can take minutes, and the test runner's hook timeout is the bound for a hang.
    await waitUntilAnswering(baseUrl, child, () => output);
    // The demo banner is printed right after the listening line.
    await waitFor(child, () => parseDemoLogins(output).length > 0 || !output.includes("Demo"));
    // Another process on the port may have answered for an API that then failed to bind.
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the API exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    }
  } catch (error) {
    await api.stop();
    if (output.includes("EADDRINUSE")) return "port taken";
    throw error;
  }
  return api;
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

async function stopChild(child: ChildProcess, killIfHung: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = killIfHung ? setTimeout(() => child.kill("SIGKILL"), 10_000) : undefined;
  await exited;
  clearTimeout(timer);
}
