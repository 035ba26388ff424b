import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { PERMISSIONS } from "@kuulo/domain/access";
import type { FeatureMessages } from "./feature-messages.js";

/* Checks of the apps' catalogues against their sources, for the apps' tests (Node only). */

type Tree = { [key: string]: unknown };

const keysOf = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? keysOf(value as Tree, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

/**
 * Every literal `t("key")` under `src` whose key is not in `app` (the app's namespace with every
 * feature's texts) or, for `ui:` keys, in `ui`. A plural key counts when its `_one` and `_other` exist.
 */
export function undefinedLiteralKeys(src: string, namespace: string, app: Tree, ui: Tree): string[] {
  const appKeys = new Set(keysOf(app));
  const uiKeys = new Set(keysOf(ui));
  const has = (keys: Set<string>, key: string) =>
    keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`));
  const missing: string[] = [];
  for (const file of sourceFiles(src)) {
    for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([^"]+)"/g)) {
      const key = match[1] ?? "";
      const [inNamespace, rest] = key.includes(":") ? key.split(":") : [namespace, key];
      const keys = inNamespace === "ui" ? uiKeys : inNamespace === namespace ? appKeys : new Set<string>();
      if (!has(keys, rest ?? "")) missing.push(`${relative(src, file)}: ${key}`);
    }
  }
  return missing;
}

function resolveSource(from: string, specifier: string): string | undefined {
  const path = join(dirname(from), specifier);
  return [path.replace(/\.js$/, ".tsx"), path.replace(/\.js$/, ".ts")].find((candidate) =>
    existsSync(candidate),
  );
}

/** The module and its local imports; `lazy` follows `import()` too. Texts modules are not followed. */
function sourcesOf(entry: string, lazy: boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, "utf8");
  const pattern = lazy ? /(?:from|import)\s*\(?\s*"(\.[^"]+)"/g : /from\s*"(\.[^"]+)"/g;
  for (const match of source.matchAll(pattern)) {
    const specifier = match[1] ?? "";
    if (/messages\.(fi|en)\.js$|\/i18n\//.test(specifier)) continue;
    const path = resolveSource(entry, specifier);
    if (path) sourcesOf(path, lazy, seen);
  }
  return seen;
}

/**
 * Every route names, with `withFeatureMessages`, the feature texts its pages use, and the shell uses
 * none. A page's sources are its module and everything it imports, lazily or not; a use is a string
 * literal (or a template literal's fixed start) that names a key of a feature's texts.
 */

interface Feature {
  name: string;
  keys: string[];
}

/** Which features the sources use, with one example use each. */
function featuresUsed(files: Iterable<string>, features: Feature[], root: string): Map<string, string> {
  const used = new Map<string, string>();
  // "audit.export" is a permission (`can("audit.export")`) as well as a key of the audit texts.
  const permissions = new Set<string>(PERMISSIONS);
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/"([a-zA-Z][\w.]*\.[\w]+)"|`([a-zA-Z][\w.]*\.)\$\{/g)) {
      const exact = match[1];
      const start = match[2];
      if (exact && permissions.has(exact)) continue;
      for (const feature of features) {
        const hit = exact
          ? feature.keys.some(
              (key) => key === exact || key.startsWith(`${exact}.`) || key.startsWith(`${exact}_`),
            )
          : feature.keys.some((key) => key.startsWith(start ?? "\0"));
        if (hit && !used.has(feature.name))
          used.set(feature.name, `${relative(root, file)}: ${exact ?? start}`);
      }
    }
  }
  return used;
}

/**
 * Findings, empty when every route loads the texts its pages use. `catalogue` is the app's own
 * namespace (one language); `features` the module of its `featureMessages` exports.
 */
export async function routeTextFindings(
  src: string,
  catalogue: Tree,
  features: Record<string, FeatureMessages>,
): Promise<string[]> {
  const loaded: Feature[] = [];
  const findings: string[] = [];
  for (const [name, feature] of Object.entries(features)) {
    const tree = (await feature.load("en")) as Tree;
    for (const key of Object.keys(tree))
      if (Object.hasOwn(catalogue, key))
        findings.push(`${name}: top-level key ${key} is also in the catalogue`);
    loaded.push({ name, keys: keysOf(tree) });
  }
  for (const [name, example] of featuresUsed(sourcesOf(join(src, "main.tsx"), false), loaded, src))
    findings.push(
      `the shell (main.tsx and its static imports) uses ${name} (${example}): move those texts to the catalogue`,
    );

  const router = join(src, "router.tsx");
  const routes = readFileSync(router, "utf8").matchAll(
    /(withFeatureMessages\(\s*)?\(\)\s*=>\s*import\("(\.[^"]+)"\)(?:,\s*([\w\s,]+?)\s*,?\s*\))?/g,
  );
  for (const [, wrapped, page, named] of routes) {
    const path = resolveSource(router, page ?? "");
    if (!path) continue;
    const names = new Set(wrapped ? (named ?? "").split(",").map((name) => name.trim()) : []);
    for (const [name, example] of featuresUsed(sourcesOf(path, true), loaded, src))
      if (!names.has(name)) findings.push(`${page} uses ${name} (${example}) but its route does not load it`);
  }
  return findings;
}
