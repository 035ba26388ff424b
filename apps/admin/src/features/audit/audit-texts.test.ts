import { AUDIT_ACTIONS, auditTexts } from "@kuulo/domain/audit";
import { glossaryFindings } from "@kuulo/ui";
import { describe, expect, it } from "vitest";
import { auditEn } from "./messages.en.js";
import { auditFi } from "./messages.fi.js";

type Tree = { [key: string]: string | Tree };
const values = (tree: Tree): string[] =>
  Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : values(value)));

describe("audit log texts", () => {
  it("has a sentence in Finnish and English for every action the log can hold", () => {
    for (const action of AUDIT_ACTIONS) {
      expect(auditTexts("fi").actions[action]?.sentence, action).toBeTruthy();
      expect(auditTexts("en").actions[action]?.sentence, action).toBeTruthy();
    }
  });

  it("writes each concept with the glossary's Finnish term", () => {
    expect(glossaryFindings(values(auditTexts("fi") as unknown as Tree))).toEqual([]);
    expect(glossaryFindings(values(auditFi as unknown as Tree))).toEqual([]);
  });

  it("shows no rule codes (R5, R14…) in running text", () => {
    for (const tree of [auditEn, auditFi, auditTexts("fi"), auditTexts("en")])
      expect(values(tree as unknown as Tree).filter((text) => /\bR\d+\b/.test(text))).toEqual([]);
  });
});
