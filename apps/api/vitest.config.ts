// An unsupported Node.js stops the test run at once with the version it needs (see scripts/require-node.mjs).
import "../../scripts/require-node.mjs";
import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

const sourceConditions = {
  resolve: { conditions: ["@kuulo/source"] },
  ssr: { resolve: { conditions: ["@kuulo/source"] } },
  // Vitest loads globalSetup files in its own `__vitest__` environment, which needs the same condition
  // (else @kuulo/db/testing resolves to a dist/ that a fresh clone has not built).
  environments: { __vitest__: { resolve: { conditions: ["@kuulo/source"] } } },
};

// Hang bounds, not synchronisation: setups ingest and transcode real calls, which on a busy machine
// (CI beside other work, or under stress-ng) take far longer than on a quiet one.
const timeouts = { testTimeout: 120_000, hookTimeout: 300_000 };

/**
 * Test files that rebuild the workspace's dist/ directories (`pnpm run build` of packages/domain, the
 * release's `turbo run build`): two at once would delete each other's output mid-build, so they run one
 * at a time, after all the others. Every other file owns what it touches (its own test database,
 * temporary directories, ports the OS hands out) and runs beside the others.
 */
const BUILDS_THE_WORKSPACE = ["test/deploy/domain-package.test.ts", "test/deploy/release.test.ts"];

export default defineConfig({
  ...sourceConditions,
  test: {
    // One migrated template per run (PostgreSQL database or PGlite dump), copied by every createTestDb().
    // Declared here only (the projects below do not extend this config): vitest runs the root's
    // globalSetup once, before any project starts, and every worker inherits where the template is.
    globalSetup: ["test/helpers/global-setup.ts"],
    projects: [
      {
        ...sourceConditions,
        test: {
          ...timeouts,
          name: "api",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...BUILDS_THE_WORKSPACE],
          // Vitest's default is one worker on two cores; a file spends much of its time waiting on its
          // database, child processes and audio workers, so one per core keeps both busy.
          maxWorkers: Math.max(2, availableParallelism()),
        },
      },
      {
        ...sourceConditions,
        test: {
          ...timeouts,
          name: "builds-the-workspace",
          include: BUILDS_THE_WORKSPACE,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
