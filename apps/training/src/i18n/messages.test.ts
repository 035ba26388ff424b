import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { fi } from "./fi.js";

const keys = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe("training messages", () => {
  it("Finnish and English have the same keys", () => {
    expect(keys(fi).sort()).toEqual(keys(en).sort());
  });

  it("every translation uses the same placeholders as the English text", () => {
    const lookup = (messages: object, path: string) =>
      path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
    for (const path of keys(en)) {
      expect(placeholders(String(lookup(fi, path))), path).toEqual(placeholders(String(lookup(en, path))));
    }
  });

  it("no text is left empty", () => {
    for (const path of keys(fi)) expect(path.length).toBeGreaterThan(0);
    const lookup = (path: string) =>
      path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], fi);
    for (const path of keys(fi)) expect(String(lookup(path)).trim(), path).not.toBe("");
  });
});
