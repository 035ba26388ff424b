import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/env.js";

// How other teams reuse the register's rules: `pnpm pack` of packages/domain, installed into a fresh
// TypeScript project outside the workspace, compiled with the workspace's tsc against the packed .d.ts
// (no source condition), and run by Node as ESM.
const run = promisify(execFile);
const DOMAIN = join(REPO_ROOT, "packages/domain");
const TSC = join(DOMAIN, "node_modules/.bin/tsc");
const EXAMPLES = [
  "ask-can",
  "check-free-text",
  "compute-purge-date",
  "render-notice",
  "validate-recording-metadata",
];

describe("@kuulo/domain as a packed library", { timeout: 300_000 }, () => {
  let work: string;
  let project: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "kuulo-domain-pack-"));
    await run("pnpm", ["run", "build"], { cwd: DOMAIN });
    await run("pnpm", ["pack", "--pack-destination", work], { cwd: DOMAIN });
    const tarball = (await readdir(work)).find((name) => name.endsWith(".tgz"));
    if (!tarball) throw new Error("pnpm pack wrote no tarball");

    project = join(work, "consumer");
    await mkdir(join(project, "src"), { recursive: true });
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({
        name: "domain-consumer",
        private: true,
        type: "module",
        dependencies: { "@kuulo/domain": `file:${join(work, tarball)}` },
      }),
    );
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          noUncheckedIndexedAccess: true,
          rootDir: "src",
          outDir: "dist",
          types: [],
        },
        include: ["src"],
      }),
    );
    for (const example of EXAMPLES) {
      await copyFile(join(DOMAIN, "examples", `${example}.ts`), join(project, "src", `${example}.ts`));
    }
    await writeFile(
      join(project, "src/main.ts"),
      `import * as askCan from "./ask-can.js";
import * as freeText from "./check-free-text.js";
import { isEuEea } from "@kuulo/domain/eu-eea";
import { can } from "@kuulo/domain";
console.log(JSON.stringify({
  trainerInUnit: askCan.trainerInUnit,
  unknownAction: askCan.unknownAction,
  refusal: freeText.refusal,
  finland: isEuEea("FI"),
  switzerland: isEuEea("CH"),
  rootExport: typeof can,
}));
`,
    );
    // Offline: zod comes from the store the workspace install filled; nothing from the workspace itself.
    await run("pnpm", ["install", "--offline", "--ignore-workspace"], { cwd: project });
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("ships only the built library and its README", async () => {
    const installed = await readdir(join(project, "node_modules/@kuulo/domain"));
    expect(installed.sort()).toEqual(["README.md", "dist", "package.json"]);
  });

  it("type-checks and compiles the README examples against the packed types, and runs them as ESM", async () => {
    await run(TSC, ["-p", "tsconfig.json"], { cwd: project });
    const { stdout } = await run(process.execPath, ["dist/main.js"], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      trainerInUnit: true,
      unknownAction: false,
      refusal: { field: "description", rule: "R4", reason: "personal_data.email" },
      finland: true,
      switzerland: false,
      rootExport: "function",
    });
  });

  it("its types are real: a wrong call does not compile", async () => {
    await writeFile(
      join(project, "src/wrong.ts"),
      `import type { Actor } from "@kuulo/domain/access";\nexport const wrong: Actor = { kind: "robot", grants: "all" };\n`,
    );
    try {
      const failure = await run(TSC, ["-p", "tsconfig.json", "--noEmit"], { cwd: project }).then(
        () => null,
        (error: { stdout: string }) => error.stdout,
      );
      expect(failure).toContain("src/wrong.ts");
    } finally {
      await rm(join(project, "src/wrong.ts"));
    }
  });
});
