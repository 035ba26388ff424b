import { describe, expect, it } from "vitest";
import { nameSearchTerm } from "./use-name-search.js";

describe("nameSearchTerm", () => {
  it.each([
    ["", ""],
    ["   ", ""],
    ["a", ""],
    [" ä ", ""],
    ["ab", "ab"],
    ["  Ylläpit  ", "Ylläpit"],
    ["Ää", "Ää"],
  ])("%j asks for %j", (typed, term) => {
    expect(nameSearchTerm(typed)).toBe(term);
  });
});
