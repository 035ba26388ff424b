import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { REASON_CODES } from "@kuulo/domain/errors";
import { beforeAll, describe, expect, it } from "vitest";
import { personalDataMessage } from "./personal-data-message.js";
import { reasonTextsEn } from "./reason-texts.en.js";
import { reasonTextsFi } from "./reason-texts.fi.js";
import { reasonText } from "./reason-texts.js";
import { loadUiCatalogue } from "./ui-catalogue.js";

type Tree = { [key: string]: string | Tree };
const LANGUAGES = ["fi", "en"] as const;
const root = join(import.meta.dirname, "../../../..");

/** Loaded by path so that this package's typecheck does not pull in the app's sources. */
const load = async (path: string, name: string): Promise<Tree> =>
  ((await import(join(root, path))) as Record<string, Tree>)[name] as Tree;

const at = (tree: Tree | undefined, path: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const key of path.split(".")) node = typeof node === "object" ? node[key] : undefined;
  return typeof node === "string" && node.trim() !== "" ? node : undefined;
};

/** API code behind the training portal's screens; the portal has no reason texts of its own. */
const PORTAL_SOURCES = [
  "apps/api/src/services/playlists",
  "apps/api/src/services/training",
  "apps/api/src/services/recordings",
  "apps/api/src/services/shared",
  "apps/api/src/http",
  "apps/api/src/storage",
  "apps/api/src/trpc",
  "apps/api/src/media",
];
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });

describe("reason texts", () => {
  beforeAll(async () => {
    await Promise.all([loadUiCatalogue("fi"), loadUiCatalogue("en")]);
  });

  it("words every reason the portal's API code can give with the shared texts", () => {
    const registered = new Set<string>(REASON_CODES);
    const seen = new Set<string>();
    for (const file of PORTAL_SOURCES.flatMap((dir) => sources(join(root, dir)))) {
      for (const match of readFileSync(file, "utf8").matchAll(/"([a-z_]+\.[a-zA-Z_.]+)"/g)) {
        if (registered.has(match[1] ?? "")) seen.add(match[1] ?? "");
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    const missing = [...seen].flatMap((code) =>
      LANGUAGES.filter((language) => !reasonText(code, language)).map((language) => `${language}: ${code}`),
    );
    expect(missing).toEqual([]);
  });

  it("words every reason the API can give, in Finnish and English, in the apps' wording", async () => {
    const admin = {
      fi: await load("apps/admin/src/i18n/all-messages.ts", "allMessagesFi"),
      en: await load("apps/admin/src/i18n/all-messages.ts", "allMessagesEn"),
    };
    const missing: string[] = [];
    for (const code of REASON_CODES) {
      for (const language of LANGUAGES) {
        const adminOwn =
          at(admin[language], `disclosures.refusals.${code}`) ?? at(admin[language], `reasons.${code}`);
        const shared = reasonText(code, language);
        // Admin screens word a reason themselves first; the shared text covers both apps otherwise.
        if (!adminOwn && !shared) missing.push(`${language}: ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has shared texts only for registered reasons, none empty, none in the wrong language slot", () => {
    expect(Object.keys(reasonTextsFi).sort()).toEqual(Object.keys(reasonTextsEn).sort());
    for (const [code, fi] of Object.entries(reasonTextsFi)) {
      const en = reasonTextsEn[code as keyof typeof reasonTextsEn];
      expect((REASON_CODES as readonly string[]).includes(code), code).toBe(true);
      expect(fi?.trim(), code).not.toBe("");
      expect(en?.trim(), code).not.toBe("");
      expect(fi, code).not.toBe(en);
    }
  });

  it("takes customer-data refusals (R4) from the one shared R4 wording", () => {
    for (const code of REASON_CODES.filter((code) => code.startsWith("personal_data."))) {
      for (const language of LANGUAGES) {
        const shared = personalDataMessage(code, language);
        if (shared !== null) expect(reasonText(code, language), code).toBe(shared);
        expect(reasonText(code, language), code).toBeTruthy();
      }
    }
  });

  it("has no text for a reason nobody registered", () => {
    expect(reasonText("made.up", "fi")).toBeUndefined();
    expect(reasonText(undefined, "en")).toBeUndefined();
  });
});
