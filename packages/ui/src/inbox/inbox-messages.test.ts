import { describe, expect, it } from "vitest";
import { createKuuloI18n } from "../i18n/create-i18n.js";
import { addInboxMessages } from "./inbox-view.js";

describe("inbox page strings, added when the page loads", () => {
  it("gives each language its own strings beside the navigation's, never the fallback's", async () => {
    const i18n = await createKuuloI18n(async () => ({}));
    await i18n.loadLanguages(["fi", "en"]);
    addInboxMessages(i18n);
    addInboxMessages(i18n);
    expect(i18n.getFixedT("en", "ui")("inbox.title")).toBe("Inbox");
    expect(i18n.getFixedT("fi", "ui")("inbox.title")).toBe("Saapuneet");
    expect(i18n.getFixedT("en", "ui")("inbox.nav")).toBe("Inbox");
    expect(i18n.getFixedT("en", "ui")("inbox.item.dispute_open", { count: 2 })).toBe(
      "2 disputes wait for a decision.",
    );
    expect(i18n.getFixedT("fi", "ui")("inbox.waiting", { count: 1 })).toBe("1 odottaa");
  });
});
