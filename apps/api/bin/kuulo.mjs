#!/usr/bin/env node
// The `kuulo` command of a release (and of the source tree after `pnpm build`): checks the runtime
// before loading anything, then runs the compiled CLI (`kuulo serve`, `kuulo migrate`, …).
// Plain JavaScript so that an unsupported Node.js gets this message, not a syntax or loader error.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const need = (/^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(pkg.engines.node) ?? []).slice(1).map(Number);
const have = process.versions.node.split(".").map(Number);
const differs = need.findIndex((n, i) => have[i] !== n);
if (need.length !== 3 || (differs >= 0 && have[differs] < need[differs])) {
  console.error(
    `kuulo ${pkg.version} needs Node.js ${pkg.engines.node.replace(/^>=\s*/, "")} or newer (Node 24 LTS); ` +
      `this is ${process.version} at ${process.execPath}.`,
  );
  process.exit(1);
}
await import("../dist/cli/main.js");
