import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { reasonTextsFi } from "../i18n/reason-texts.fi.js";
import { uiFi } from "../i18n/ui-messages.fi.js";
import { GLOSSARY, glossaryFindings } from "./glossary.js";

const root = join(import.meta.dirname, "../../../..");

/** The apps' Finnish catalogues: i18n/fi.ts and every feature's messages.fi.ts. */
const finnishCatalogues = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules") return [];
    if (statSync(path).isDirectory()) return finnishCatalogues(path);
    return name === "fi.ts" || name.endsWith(".fi.ts") ? [path] : [];
  });

const literals = (source: string): string[] =>
  [...source.matchAll(/"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((match) => match[1] ?? match[2] ?? "");

type Tree = { [key: string]: string | Tree };
const values = (tree: Tree): string[] =>
  Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : values(value)));

const catalogues = ["apps/admin/src", "apps/training/src"].flatMap((app) =>
  finnishCatalogues(join(root, app)),
);

describe("Finnish glossary", () => {
  it("finds both apps' Finnish catalogues", () => {
    const names = catalogues.map((path) => relative(root, path));
    expect(names).toContain("apps/admin/src/i18n/fi.ts");
    expect(names).toContain("apps/training/src/i18n/fi.ts");
  });

  it("has one entry per concept and no term that its own patterns refuse", () => {
    expect(new Set(GLOSSARY.map((term) => term.concept)).size).toBe(GLOSSARY.length);
    expect(glossaryFindings(GLOSSARY.map((term) => term.fi))).toEqual([]);
  });

  it("flags a concept written two ways and a known slip", () => {
    const findings = glossaryFindings([
      "Salassapitositoumus allekirjoitettu",
      "Otte 0:10–0:20",
      "Yhtään tallennetta ei erääntyy poistettavaksi",
      "Oikeudellinen säilytys",
      "Vaitiolositoumuksen viite",
    ]);
    expect(findings.map((finding) => finding.text)).toEqual([
      "Salassapitositoumus allekirjoitettu",
      "Otte 0:10–0:20",
      "Yhtään tallennetta ei erääntyy poistettavaksi",
      "Oikeudellinen säilytys",
    ]);
  });

  it.each(catalogues.map((path) => [relative(root, path), path]))(
    "%s writes each concept one way",
    (_, path) => {
      expect(glossaryFindings(literals(readFileSync(path, "utf8")))).toEqual([]);
    },
  );

  it("the shared ui catalogue writes each concept one way", () => {
    expect(glossaryFindings(values(uiFi as unknown as Tree))).toEqual([]);
    expect(glossaryFindings(Object.values(reasonTextsFi).map((text) => text ?? ""))).toEqual([]);
  });
});
