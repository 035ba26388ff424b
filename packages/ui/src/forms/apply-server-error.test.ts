import { describe, expect, it } from "vitest";
import { applyServerError } from "./apply-server-error.js";

type Values = { recordingIds: string[]; "identityVerification.note": string; reason: string };
const FIELDS = ["recordingIds", "identityVerification.note", "reason"] as const;
const refusal = (field?: string) => ({
  message: "refused",
  data: { domain: { code: "VALIDATION", message: "refused", ...(field ? { field } : {}) } },
});

describe("a server refusal beside its field", () => {
  it.each([
    ["recordingIds", "recordingIds"],
    ["recordingIds.3", "recordingIds"],
    ["identityVerification.note", "identityVerification.note"],
    ["reason", "reason"],
  ])("%s is shown at %s", (field, expected) => {
    const set: string[] = [];
    const formLevel = applyServerError<Values>(
      refusal(field),
      (name) => void set.push(name),
      FIELDS,
      "fallback",
    );
    expect(formLevel).toBeNull();
    expect(set).toEqual([expected]);
  });

  it.each([["recordingIdsExtra"], ["identityVerification"], ["window.from"], [undefined]])(
    "%s is not a field of the form: the message goes to the form",
    (field) => {
      const set: string[] = [];
      const formLevel = applyServerError<Values>(
        refusal(field),
        (name) => void set.push(name),
        FIELDS,
        "fallback",
      );
      expect(formLevel).toBe("refused");
      expect(set).toEqual([]);
    },
  );
});
