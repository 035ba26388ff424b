import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@kuulo/source"] },
  ssr: { resolve: { conditions: ["@kuulo/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Generous: the shared 2-core machine can stall a PGlite start for many seconds.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
