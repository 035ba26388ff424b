import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./describe-user-agent.js";

describe("describeUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
      "Chrome (headless) 156 · Linux",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36 Edg/150.0.0.0",
      "Edge 150 · Windows",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5; rv:140.0) Gecko/20100101 Firefox/140.0",
      "Firefox 140 · macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
      "Safari 18 · iOS",
    ],
  ])("names %s", (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toBe(expected);
  });

  it("keeps unknown agents short and passes null through", () => {
    expect(describeUserAgent("curl/8.9.1")).toBe("curl/8.9.1");
    expect(describeUserAgent(null)).toBeNull();
  });
});
