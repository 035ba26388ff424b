#!/usr/bin/env node
// Stops install, start, test and the CLI at once on a Node.js older than package.json's engines.node
// (">=X.Y.Z"). Plain JavaScript that parses on old runtimes, so the message is what an operator sees.
// Why: on Node 20, worker threads ignore `--import tsx`, so every audio job from source crashed with an
// unexplained INTERNAL error (nodejs/node#47747); and the release is only tested on the pinned version.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const wanted = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(pkg.engines.node);
if (!wanted) throw new Error(`package.json engines.node must read ">=X.Y.Z", not "${pkg.engines.node}"`);
const need = wanted.slice(1).map(Number);
const have = process.versions.node.split(".").map(Number);
const differs = need.findIndex((n, i) => have[i] !== n);
if (differs >= 0 && have[differs] < need[differs]) {
  console.error(
    `Kuulo needs Node.js ${need.join(".")} or newer (Node 24 LTS, see .nvmrc); this is ${process.version} at ${process.execPath}.\n` +
      "Install Node 24 (nvm install 24, or https://nodejs.org) and run the command again.",
  );
  process.exit(1);
}
