import { PERSONAL_DATA_KINDS, personalDataReason } from "@kuulo/domain/privacy";
import { beforeAll, describe, expect, it } from "vitest";
import { personalDataMessage } from "./personal-data-message.js";
import { loadUiCatalogue } from "./ui-catalogue.js";
import { uiMessages } from "./ui-messages.js";

describe("personalDataMessage (R4 wording shared by both SPAs)", () => {
  beforeAll(async () => {
    await Promise.all([loadUiCatalogue("fi"), loadUiCatalogue("en")]);
  });

  it.each(PERSONAL_DATA_KINDS)("words personal_data.%s in Finnish and English", (kind) => {
    const fi = personalDataMessage(personalDataReason(kind), "fi");
    const en = personalDataMessage(personalDataReason(kind), "en");
    expect(fi).toBe(uiMessages.fi.personalData[kind]);
    expect(en).toBe(uiMessages.en.personalData[kind]);
    expect(fi).not.toBe(en);
    expect(fi?.length).toBeGreaterThan(20);
  });

  it.each([undefined, "password.too_short", "personal_data.unknown", "personal_data.__proto__"])(
    "has no wording for %j",
    (reason) => {
      expect(personalDataMessage(reason, "en")).toBeNull();
    },
  );
});
