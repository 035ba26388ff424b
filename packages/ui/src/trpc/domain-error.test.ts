import { describe, expect, it } from "vitest";
import { isUnauthenticated, readDomainError } from "./domain-error.js";

const clientError = (data: unknown, message = "boom") => ({ name: "TRPCClientError", message, data });

describe("readDomainError", () => {
  it("reads the domain shape the API puts under data.domain", () => {
    const error = clientError({
      code: "BAD_REQUEST",
      domain: {
        code: "VALIDATION",
        message: "username: taken",
        field: "username",
        rule: "R11",
        reason: "username.taken",
      },
    });
    expect(readDomainError(error)).toEqual({
      code: "VALIDATION",
      message: "username: taken",
      field: "username",
      rule: "R11",
      reason: "username.taken",
    });
  });

  it("falls back to the tRPC code when there is no domain shape", () => {
    expect(readDomainError(clientError({ code: "UNAUTHORIZED" }, "no session"))).toEqual({
      code: "UNAUTHENTICATED",
      message: "no session",
    });
    expect(readDomainError(clientError({ code: "SOMETHING_NEW" }))?.code).toBe("INTERNAL");
  });

  it("treats a network failure as INTERNAL and anything else as not an API error", () => {
    expect(readDomainError({ name: "TRPCClientError", message: "Failed to fetch" })?.code).toBe("INTERNAL");
    expect(readDomainError(new Error("plain"))).toBeNull();
    expect(readDomainError("text")).toBeNull();
    expect(readDomainError(null)).toBeNull();
  });

  it("recognises an ended session either way the API reports it", () => {
    expect(isUnauthenticated(clientError({ domain: { code: "UNAUTHENTICATED", message: "x" } }))).toBe(true);
    expect(isUnauthenticated(clientError({ code: "UNAUTHORIZED" }))).toBe(true);
    expect(isUnauthenticated(clientError({ domain: { code: "FORBIDDEN", message: "x" } }))).toBe(false);
  });
});
