import { join } from "node:path";
import { routeTextFindings } from "@kuulo/ui/catalogue-checks";
import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import * as featureTexts from "./feature-texts.js";

describe("feature texts load with their routes", () => {
  it("names, on every route, the feature texts its pages use, and keeps them out of the shell", async () => {
    expect(await routeTextFindings(join(import.meta.dirname, ".."), en, featureTexts)).toEqual([]);
  });
});
