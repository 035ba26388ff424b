import { join } from "node:path";
import { PERMISSIONS, ROLES } from "@kuulo/domain/access";
import { undefinedLiteralKeys } from "@kuulo/ui/catalogue-checks";
import { uiMessages } from "@kuulo/ui/messages";
import { describe, expect, it } from "vitest";
import { resourceOf } from "../features/users/explain-grants.js";
import { allMessagesEn as en, allMessagesFi as fi } from "./all-messages.js";

type Tree = { [key: string]: string | Tree };

const entries = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : entries(value, `${prefix}${key}.`),
  );
const flatten = (tree: Tree): string[] => entries(tree).map(([key]) => key);

const adminKeys = new Set(flatten(en as unknown as Tree));

describe("admin messages", () => {
  it("has the same keys in Finnish and English", () => {
    expect(flatten(fi as unknown as Tree).sort()).toEqual([...adminKeys].sort());
  });

  it("has no empty string in either language", () => {
    for (const messages of [en, fi]) {
      const empty = entries(messages as unknown as Tree).filter(([, value]) => value.trim() === "");
      expect(empty).toEqual([]);
    }
  });

  it("defines every literal key the code asks for", () => {
    const src = join(import.meta.dirname, "..");
    expect(undefinedLiteralKeys(src, "admin", en, uiMessages.en)).toEqual([]);
  });

  it("names every role, permission and permission area of the domain", () => {
    for (const role of ROLES) expect(adminKeys.has(`roles.${role}`)).toBe(true);
    for (const permission of PERMISSIONS) {
      expect(adminKeys.has(`perm.${permission}`), permission).toBe(true);
      expect(adminKeys.has(`access.resource.${resourceOf(permission)}`), permission).toBe(true);
    }
  });
});
