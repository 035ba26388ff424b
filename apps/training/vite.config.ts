import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

const api = process.env.KUULO_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  // The API serves this build at the root (apps/api/src/server/static-spas.ts); admin lives under /admin/.
  base: "/",
  plugins: [react()],
  // Workspace packages are bundled from their TypeScript source.
  resolve: { conditions: ["@kuulo/source", ...defaultClientConditions] },
  build: {
    target: "es2023",
    sourcemap: true,
    // The built app runs under a strict CSP: no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // dist/.vite/manifest.json: the bench counts the catalogue chunks a first visit waits for.
    manifest: true,
    // Everything the entry imports statically in one chunk: left alone, the bundler splits what lazy
    // routes share with the entry into small chunks, which compress worse and cost a request each.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: "app", tags: ["$initial"] }] } },
    },
  },
  server: {
    port: 5174,
    strictPort: false,
    proxy: {
      "/trpc": { target: api, changeOrigin: false },
      "/media": { target: api, changeOrigin: false },
    },
  },
});
