import { defineConfig } from "vitest/config";

// Real API (demo mode, fresh data) + real Chromium: slow, sequential, separate from unit tests.
export default defineConfig({
  resolve: { conditions: ["@kuulo/source"] },
  ssr: { resolve: { conditions: ["@kuulo/source"] } },
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    fileParallelism: false,
    // Seeds the demo once per run; every file's startKuulo() starts from a private copy of it.
    globalSetup: ["@kuulo/e2e/global-setup"],
    // Hang bounds, not synchronisation: the tests wait on state, and on an overloaded machine (CI under
    // `stress-ng --cpu 6`) starting Kuulo with its demo import or one flow can take minutes.
    testTimeout: 600_000,
    hookTimeout: 900_000,
    expect: { poll: { timeout: 120_000 } },
    pool: "forks",
  },
});
