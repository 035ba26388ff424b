import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

const api = process.env.KUULO_API_URL ?? "http://127.0.0.1:3000";

// The API accepts state changes only from its own origin (CSRF). In development the browser's origin
// is this dev server, so the proxy presents the API's origin instead; production needs no proxy.
const toApi = {
  target: api,
  changeOrigin: false,
  configure: (proxy: {
    on(
      event: "proxyReq",
      listener: (request: {
        setHeader(name: string, value: string): void;
        getHeader(name: string): unknown;
      }) => void,
    ): void;
  }) => {
    proxy.on("proxyReq", (request) => {
      if (request.getHeader("origin")) request.setHeader("origin", new URL(api).origin);
    });
  },
};

export default defineConfig({
  base: "/admin/",
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
    port: 5173,
    strictPort: false,
    proxy: { "/trpc": toApi, "/media": toApi, "/ingest": toApi },
  },
});
