import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@kuulo/source"] },
  ssr: { resolve: { conditions: ["@kuulo/source"] } },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
