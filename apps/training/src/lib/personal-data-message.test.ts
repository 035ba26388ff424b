import { loadUiCatalogue } from "@kuulo/ui";
import { uiMessages } from "@kuulo/ui/messages";
import { beforeAll, describe, expect, it } from "vitest";
import { describeRefusal } from "./personal-data-message.js";

/** The shape of a tRPC client error as the API sends it: the domain error under data.domain. */
const trpcError = (domain: Record<string, unknown>) => ({
  name: "TRPCClientError",
  message: String(domain.message ?? ""),
  data: { code: "BAD_REQUEST", domain },
});

describe("describeRefusal", () => {
  beforeAll(async () => {
    await Promise.all([loadUiCatalogue("fi"), loadUiCatalogue("en")]);
  });

  it("explains an R4 refusal next to the field it names, in the reader's language", () => {
    const error = trpcError({
      code: "VALIDATION",
      message: "items.1.note contains what looks like customer data (phone)",
      field: "items.1.note",
      rule: "R4",
      reason: "personal_data.phone",
    });
    expect(describeRefusal(error, "fi", "fallback")).toEqual({
      field: "items.1.note",
      message: uiMessages.fi.personalData.phone,
    });
    expect(describeRefusal(error, "en", "fallback").message).toBe(uiMessages.en.personalData.phone);
  });

  it("keeps the API's message for other refusals", () => {
    const error = trpcError({
      code: "VALIDATION",
      message: "Clip ends after the recording",
      field: "items.0.clipEndMs",
    });
    expect(describeRefusal(error, "en", "fallback")).toEqual({
      field: "items.0.clipEndMs",
      message: "Clip ends after the recording",
    });
  });

  it("falls back to the form-level message for errors that are not the API's", () => {
    expect(describeRefusal(new TypeError("network"), "en", "Saving failed")).toEqual({
      field: null,
      message: "Saving failed",
    });
  });
});
