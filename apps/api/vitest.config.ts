// An unsupported Node.js stops the test run at once with the version it needs (see scripts/require-node.mjs).
import "../../scripts/require-node.mjs";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@kuulo/source"] },
  ssr: { resolve: { conditions: ["@kuulo/source"] } },
  // Vitest loads globalSetup files in its own `__vitest__` environment, which needs the same condition
  // (else @kuulo/db/testing resolves to a dist/ that a fresh clone has not built).
  environments: { __vitest__: { resolve: { conditions: ["@kuulo/source"] } } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Hang bounds, not synchronisation: setups ingest and transcode real calls, which on a busy machine
    // (CI beside other work, or under stress-ng) take far longer than on a quiet one.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // On PostgreSQL: one migrated template database per run, copied by every createTestDb().
    globalSetup: ["test/helpers/global-setup.ts"],
  },
});
