import { defineConfig } from "vitest/config";

// Real API (demo mode, fresh data) + real Chromium: slow, sequential, separate from unit tests.
export default defineConfig({
  resolve: { conditions: ["@kuulo/source"] },
  ssr: { resolve: { conditions: ["@kuulo/source"] } },
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
