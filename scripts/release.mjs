#!/usr/bin/env node
// `pnpm release`: one tarball an operator installs without the source tree (docs/operations.md).
// Contents: the API compiled to JavaScript with production dependencies only (`pnpm deploy --prod`),
// the built SPAs under public/, the database migrations (inside @kuulo/db), release.json, and the
// `kuulo` command. No tsx, no turbo, no TypeScript at run time.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const outDir = resolve(process.argv[2] ?? join(root, "release"));
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: "inherit" });
const api = JSON.parse(readFileSync(join(root, "apps/api/package.json"), "utf8"));
const name = `kuulo-${api.version}-${process.platform}-${process.arch}`;

run("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only"]);
for (const app of ["admin", "training"]) {
  if (!existsSync(join(root, `apps/${app}/dist/index.html`))) throw new Error(`apps/${app} did not build`);
}

/**
 * @trpc/server declares TypeScript as a peer dependency for its types only; the workspace's lockfile
 * satisfies it, so `pnpm deploy` installs 30 MB of compiler nobody imports at run time. Remove it and
 * the links to it.
 */
function pruneTypeScriptPeer(store) {
  // pnpm's hidden hoisting directory links it too.
  rmSync(join(store, "node_modules", "typescript"), { force: true });
  rmSync(join(store, "node_modules", "@typescript"), { recursive: true, force: true });
  for (const entry of readdirSync(store)) {
    if (entry.startsWith("typescript@") || entry.startsWith("@typescript+")) {
      rmSync(join(store, entry), { recursive: true, force: true });
      continue;
    }
    const link = join(store, entry, "node_modules", "typescript");
    if (
      existsSync(join(store, entry, "node_modules")) &&
      readdirSync(join(store, entry, "node_modules")).includes("typescript")
    ) {
      rmSync(link, { force: true });
    }
  }
}

const stage = mkdtempSync(join(tmpdir(), "kuulo-release-"));
const target = join(stage, name);
try {
  run("pnpm", [
    "--filter",
    "@kuulo/api",
    "deploy",
    "--prod",
    "--config.inject-workspace-packages=true",
    target,
  ]);
  pruneTypeScriptPeer(join(target, "node_modules/.pnpm"));
  for (const app of ["admin", "training"]) {
    cpSync(join(root, `apps/${app}/dist`), join(target, "public", app), { recursive: true });
  }
  cpSync(join(root, "deploy"), join(target, "deploy"), { recursive: true });
  for (const doc of ["operations.md", "metrics.md", "backup-restore.md"]) {
    if (existsSync(join(root, "docs", doc))) cpSync(join(root, "docs", doc), join(target, "docs", doc));
  }
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    // Building from an exported tree without .git is fine; the version still names the release.
  }
  writeFileSync(
    join(target, "release.json"),
    `${JSON.stringify({ name: "kuulo", version: api.version, node: api.engines.node, platform: `${process.platform}-${process.arch}`, commit }, null, 2)}\n`,
  );
  symlinkSync("bin/kuulo.mjs", join(target, "kuulo"));
  for (const forbidden of ["tsx", "turbo", "typescript", "vitest", ".bin/tsx"]) {
    if (existsSync(join(target, "node_modules", forbidden)))
      throw new Error(`${forbidden} leaked into the release`);
  }
  mkdirSync(outDir, { recursive: true });
  const tarball = join(outDir, `${name}.tgz`);
  run("tar", ["-czf", tarball, "-C", stage, name]);
  console.log(`\nrelease: ${tarball}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
