import { afterEach, describe, expect, it, vi } from "vitest";
import { nextTotpCode, secondsLeftInWindow, totpCode } from "../src/totp-code.js";

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890"; the RFC lists 8 digits, apps show the last 6.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

afterEach(() => {
  vi.useRealTimers();
});

describe("totpCode", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("matches the RFC 6238 vector at %i s", (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it("accepts lower case and spaces as shown in the manual key", () => {
    expect(totpCode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", 59_000)).toBe("287082");
  });

  it("gives a second sign-in in the same window the next step's code, and waits before a third", async () => {
    vi.useFakeTimers({ now: 1111111109_000 });
    expect(await nextTotpCode(RFC_SECRET)).toBe(totpCode(RFC_SECRET, 1111111109_000));
    expect(await nextTotpCode(RFC_SECRET)).toBe(totpCode(RFC_SECRET, 1111111109_000 + 30_000));
    let third: string | undefined;
    void nextTotpCode(RFC_SECRET).then((code) => {
      third = code;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(third).toBeUndefined();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(third).toBe(totpCode(RFC_SECRET, 1111111109_000 + 60_000));
  });

  it("counts the seconds left in the 30 s window", () => {
    expect(secondsLeftInWindow(0)).toBe(30);
    expect(secondsLeftInWindow(29_500)).toBe(1);
    expect(secondsLeftInWindow(30_000)).toBe(30);
  });
});
