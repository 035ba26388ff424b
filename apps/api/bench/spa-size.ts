import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface SpaSize {
  app: string;
  /** "manifest" (.vite/manifest.json) or "index.html" (script + modulepreload tags). */
  source: "manifest" | "index.html" | null;
  files: string[];
  rawKiB: number | null;
  gzipKiB: number | null;
  note?: string;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The Finnish catalogues the entry fetches before it renders (`createKuuloI18n`: the app's namespace
 * and the shared `ui` texts with the reason texts). They are dynamic imports, but a first visit waits
 * for them, so they count. Feature texts load with their routes, like the route chunks, and do not.
 */
const FIRST_RENDER_CATALOGUES = [
  /^src\/i18n\/fi\.ts$/,
  /packages\/ui\/src\/i18n\/ui-messages\.fi\.ts$/,
  /packages\/ui\/src\/i18n\/reason-texts\.fi\.ts$/,
];

async function initialFilesFromManifest(dist: string): Promise<string[] | null> {
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(await readFile(join(dist, ".vite", "manifest.json"), "utf8"));
  } catch {
    return null;
  }
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
    // The loader may sit in any chunk of the initial set, not only the entry.
    for (const imported of chunk.dynamicImports ?? [])
      if (FIRST_RENDER_CATALOGUES.some((pattern) => pattern.test(imported))) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...files].filter((file) => file.endsWith(".js"));
}

async function initialFilesFromHtml(dist: string): Promise<string[] | null> {
  let html: string;
  try {
    html = await readFile(join(dist, "index.html"), "utf8");
  } catch {
    return null;
  }
  const files = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) if (match[1]) files.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))
    if (match[1]) files.add(match[1]);
  return [...files];
}

/**
 * Gzipped size of the JavaScript a first visit in Finnish loads before the first screen renders: entry
 * chunk + static imports + the Finnish catalogues fetched before render (from the build manifest; the
 * index.html fallback cannot see those and says so in `note`).
 */
export async function spaInitialJs(repoRoot: string, app: string): Promise<SpaSize> {
  const dist = join(repoRoot, "apps", app, "dist");
  let source: SpaSize["source"] = "manifest";
  let files = await initialFilesFromManifest(dist);
  if (!files) {
    source = "index.html";
    files = await initialFilesFromHtml(dist);
  }
  if (!files || files.length === 0) {
    return { app, source: null, files: [], rawKiB: null, gzipKiB: null, note: "not built (n/a)" };
  }
  // Vite's base (e.g. /admin/) prefixes URLs in index.html; the file lives under dist/ without it.
  let raw = 0;
  let gzip = 0;
  const found: string[] = [];
  for (const file of files) {
    const relative = file.replace(/^https?:\/\/[^/]+/, "").replace(/^\/(?:admin\/)?/, "");
    const candidates = [join(dist, relative), join(dist, relative.replace(/^[^/]+\//, ""))];
    for (const candidate of candidates) {
      try {
        const bytes = await readFile(candidate);
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
        found.push(relative);
        break;
      } catch {
        // try the next candidate
      }
    }
  }
  if (found.length === 0)
    return { app, source, files, rawKiB: null, gzipKiB: null, note: "files listed but missing" };
  return {
    app,
    source,
    files: found,
    rawKiB: Math.round((raw / 1024) * 10) / 10,
    gzipKiB: Math.round((gzip / 1024) * 10) / 10,
    ...(source === "index.html" ? { note: "no build manifest: language catalogues not counted" } : {}),
  };
}
