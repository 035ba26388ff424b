import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PASSWORD_REFUSAL_REASONS } from "@kuulo/domain/credentials";
import { REASON_CODES } from "@kuulo/domain/errors";
import { PERSONAL_DATA_KINDS } from "@kuulo/domain/privacy";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
const files = ["apps/api/src", "packages/domain/src"].flatMap((dir) => sources(join(root, dir)));

/** A refusal reason is "area.what"; plain words under `reason:` are audit details, not refusals. */
const CODE = /^[a-z][a-z_]*\.[a-zA-Z_.]+$/;
const registered = new Set<string>(REASON_CODES);

/** Literal reasons: `reason: "a.b"` (also in ternaries) and validationError's fourth argument. */
function literalReasons(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\breason:\s*([^,\n}]+)/g)) {
    for (const literal of (match[1] ?? "").matchAll(/"([^"]+)"/g)) found.push(literal[1] ?? "");
  }
  for (const match of source.matchAll(/\bvalidationError\(([\s\S]*?)\);/g)) {
    const literals = [...(match[1] ?? "").matchAll(/"([^"]+)"/g)].map((literal) => literal[1] ?? "");
    found.push(...literals.slice(1));
  }
  return found.filter((value) => CODE.test(value));
}

/** Reasons built from a prefix: `reason: \`csrf.${…}\``. */
const reasonPrefixes = (source: string): string[] =>
  [...source.matchAll(/\breason:\s*`([a-z_]+)\.\$\{/g)].map((match) => match[1] ?? "");

describe("reason codes", () => {
  it("registers every reason the domain and the API put on a refusal", () => {
    const unregistered: string[] = [];
    for (const file of files) {
      for (const reason of literalReasons(readFileSync(file, "utf8"))) {
        if (!registered.has(reason)) unregistered.push(`${relative(root, file)}: ${reason}`);
      }
    }
    expect(unregistered).toEqual([]);
  });

  it("registers codes for every reason built from a prefix", () => {
    const prefixes = new Set(files.flatMap((file) => reasonPrefixes(readFileSync(file, "utf8"))));
    expect([...prefixes].sort()).toEqual(["csrf", "password", "recording_filter"]);
    for (const prefix of prefixes) {
      expect(
        REASON_CODES.some((code) => code.startsWith(`${prefix}.`)),
        prefix,
      ).toBe(true);
    }
    for (const reason of PASSWORD_REFUSAL_REASONS)
      expect(registered.has(`password.${reason}`), reason).toBe(true);
    for (const reason of PERSONAL_DATA_KINDS.map((kind) => `personal_data.${kind}`))
      expect(registered.has(reason), reason).toBe(true);
  });

  it("registers the filter fields that can be refused", () => {
    const source = readFileSync(join(root, "apps/api/src/services/recordings/recording-filters.ts"), "utf8");
    const fields = new Set(
      [...source.matchAll(/\binvalid\("([^"]+)"/g)].map((match) => `recording_filter.${match[1]}`),
    );
    expect([...fields].filter((code) => !registered.has(code))).toEqual([]);
  });

  it("lists each code once, written area.what", () => {
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    for (const code of REASON_CODES) expect(code).toMatch(CODE);
  });

  it("the scan sees reasons in the shapes the code writes them", () => {
    expect(literalReasons('throw new DomainError("X", "m", { reason: "new.thing" });')).toEqual([
      "new.thing",
    ]);
    expect(literalReasons('reason: done ? "a.b" : "c.d",')).toEqual(["a.b", "c.d"]);
    expect(literalReasons('throw validationError("field.x", "Message", "R4", "e.f");')).toEqual(["e.f"]);
  });
});
