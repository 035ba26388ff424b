import { defineConfig } from "vitest/config";

// Unit tests only; browser tests run with vitest.e2e.config.ts (pnpm test:e2e).
export default defineConfig({
  resolve: { conditions: ["@kuulo/source"] },
  ssr: { resolve: { conditions: ["@kuulo/source"] } },
  test: { include: ["src/**/*.test.ts", "src/**/*.test.tsx"], environment: "node" },
});
