import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/env.js";

// On Node 20 every ingest answered INTERNAL: worker threads there ignore `--import tsx` in execArgv
// (nodejs/node#47747), so the audio worker could not load. Install, start, test and the kuulo command now
// stop at once on an unsupported Node.js, naming the version. Runs where an older node is installed
// (/usr/bin/node on these machines).
const run = promisify(execFile);
const OLD_NODE = "/usr/bin/node";
const oldVersion = existsSync(OLD_NODE)
  ? execFileSync(OLD_NODE, ["--version"], { encoding: "utf8" }).trim()
  : "";
const [major = 0, minor = 0] = oldVersion.replace(/^v/, "").split(".").map(Number);
const unsupported = oldVersion !== "" && (major < 24 || (major === 24 && minor < 11));

async function refusal(command: string, args: string[], env: Record<string, string> = {}) {
  return run(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env } }).then(
    () => null,
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      text: error.stdout + error.stderr,
    }),
  );
}

describe.skipIf(!unsupported)(`an unsupported Node.js (${oldVersion})`, { timeout: 120_000 }, () => {
  const bin = mkdtempSync(join(tmpdir(), "kuulo-old-node-"));
  symlinkSync(OLD_NODE, join(bin, "node"));
  const oldFirst = { PATH: `${bin}:${process.env.PATH ?? ""}` };
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it("stops the start, test and release scripts' gate with the version needed", async () => {
    const refused = await refusal(OLD_NODE, ["scripts/require-node.mjs"]);
    expect(refused?.code).toBe(1);
    expect(refused?.text).toContain("Kuulo needs Node.js 24.11.0 or newer");
    expect(refused?.text).toContain(oldVersion);
  });

  it("stops the kuulo command before it loads anything", async () => {
    const refused = await refusal(OLD_NODE, ["apps/api/bin/kuulo.mjs", "--version"]);
    expect(refused?.code).toBe(1);
    expect(refused?.text).toContain("needs Node.js 24.11.0 or newer");
  });

  it("stops a fresh pnpm install (the root preinstall) when that node is first on PATH", async () => {
    // A fresh clone's root: the real manifest, settings, lockfile and gate, without node_modules.
    const clone = mkdtempSync(join(tmpdir(), "kuulo-fresh-clone-"));
    try {
      mkdirSync(join(clone, "scripts"));
      for (const file of [
        "package.json",
        "pnpm-workspace.yaml",
        ".npmrc",
        "pnpm-lock.yaml",
        "scripts/require-node.mjs",
      ]) {
        copyFileSync(join(REPO_ROOT, file), join(clone, file));
      }
      const refused = await run("pnpm", ["install", "--offline"], {
        cwd: clone,
        env: { ...process.env, ...oldFirst },
      }).then(
        () => null,
        (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
      );
      expect(refused).toContain("Kuulo needs Node.js 24.11.0 or newer");
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
