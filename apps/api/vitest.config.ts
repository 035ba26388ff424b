// An unsupported Node.js stops the test run at once with the version it needs (see scripts/require-node.mjs).
import "../../scripts/require-node.mjs";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@kuulo/source"] },
  ssr: { resolve: { conditions: ["@kuulo/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
