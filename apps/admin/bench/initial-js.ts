import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The JavaScript a browser must fetch before the admin app can draw anything: the entry script and
 * every chunk index.html preloads. Route pages and charts are separate chunks and are not counted.
 */
const dist = join(import.meta.dirname, "..", "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const paths = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((match) => (match[1] ?? "").replace(/^\/admin\//, ""));

let raw = 0;
let gzipped = 0;
for (const path of new Set(paths)) {
  const bytes = readFileSync(join(dist, path));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(
  `admin initial JS: ${kb(gzipped)} kB gzipped (${kb(raw)} kB raw) in ${new Set(paths).size} files`,
);
console.log(
  JSON.stringify({ name: "admin.initialJsGzipKB", value: Number(kb(gzipped)), files: [...new Set(paths)] }),
);
