import { auditEvents } from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, createTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ORIGIN } from "../helpers/test-config.js";

describe("network allowlist (R12)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { KUULO_ALLOWED_CIDRS: "10.1.0.0/16,127.0.0.1/32" } });
  });
  afterAll(async () => {
    await t.close();
  });

  const notice = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url: "/trpc/register.privacyNotice", remoteAddress, headers });

  it("answers an allowed address and refuses one outside the ranges before anything else runs", async () => {
    expect((await notice("10.1.2.3")).statusCode).toBe(200);
    const refused = await notice("192.0.2.10");
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "FORBIDDEN", rule: "R12" });
    // Even unknown paths and the health check are refused: the allowlist is the first hook.
    expect(
      (await t.app.inject({ method: "GET", url: "/healthz", remoteAddress: "192.0.2.10" })).statusCode,
    ).toBe(403);
  });

  it("ignores a spoofed X-Forwarded-For when no proxy is trusted", async () => {
    const spoofed = await notice("192.0.2.10", { "x-forwarded-for": "10.1.2.3" });
    expect(spoofed.statusCode).toBe(403);
  });

  it("treats IPv4-mapped IPv6 peers as IPv4", async () => {
    expect((await notice("::ffff:10.1.2.3")).statusCode).toBe(200);
    expect((await notice("::ffff:192.0.2.10")).statusCode).toBe(403);
  });
});

describe("trusted proxy", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { KUULO_ALLOWED_CIDRS: "10.1.0.0/16", KUULO_TRUSTED_PROXIES: "192.168.50.10/32" },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const viaProxy = (forwardedFor: string, remoteAddress = "192.168.50.10") =>
    t.app.inject({
      method: "GET",
      url: "/trpc/register.privacyNotice",
      remoteAddress,
      headers: { "x-forwarded-for": forwardedFor },
    });

  it("honours X-Forwarded-For from the trusted proxy (rightmost untrusted hop is the client)", async () => {
    expect((await viaProxy("10.1.2.3")).statusCode).toBe(200);
    expect((await viaProxy("192.0.2.10")).statusCode).toBe(403);
    // A client cannot prepend an allowed address: the proxy appends the real one last.
    expect((await viaProxy("10.1.2.3, 192.0.2.10")).statusCode).toBe(403);
  });

  it("does not honour the header from any other peer", async () => {
    expect((await viaProxy("10.1.2.3", "10.1.9.9")).statusCode).toBe(200);
    expect((await viaProxy("10.1.2.3", "192.0.2.77")).statusCode).toBe(403);
  });

  it("records the client address, not the proxy's, in the audit log", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      remoteAddress: "192.168.50.10",
      headers: { "x-forwarded-for": "10.1.2.3", origin: TEST_ORIGIN, "content-type": "application/json" },
      payload: JSON.stringify({ username: "kouluttaja", password: account("kouluttaja").password }),
    });
    expect(response.statusCode).toBe(200);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.outcome, "success")));
    expect(event?.ip).toBe("10.1.2.3");
  });
});

describe("trusted proxy: only canonical addresses in X-Forwarded-For", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { KUULO_ALLOWED_CIDRS: "127.0.0.0/8,10.1.0.0/16", KUULO_TRUSTED_PROXIES: "192.168.50.10/32" },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const viaProxy = (forwardedFor: string) =>
    t.app.inject({
      method: "GET",
      url: "/trpc/register.privacyNotice",
      remoteAddress: "192.168.50.10",
      headers: { "x-forwarded-for": forwardedFor },
    });

  it("refuses inet_aton forms (short, hex, integer, octal) that other parsers read as another address", async () => {
    for (const hop of [
      "127.1",
      "0x7f000001",
      "2130706433",
      "0177.0.0.1",
      "10.1.515",
      "012.1.2.3",
      "0x0a.1.2.3",
    ]) {
      const response = await viaProxy(hop);
      expect(response.statusCode, hop).toBe(403);
      expect(response.json(), hop).toMatchObject({ rule: "R12" });
      // Also when it hides behind a canonical hop that a client could have prepended.
      expect((await viaProxy(`10.1.2.3, ${hop}`)).statusCode, hop).toBe(403);
    }
  });

  it("accepts the same clients written canonically, IPv6 included", async () => {
    for (const hop of ["127.0.0.1", "10.1.2.3", "::ffff:10.1.2.3", "[::ffff:127.0.0.1]"]) {
      expect((await viaProxy(hop)).statusCode, hop).toBe(200);
    }
  });
});

describe("cross-site guard matches what the router serves", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, site?: string) =>
    t.app.inject({ method: "GET", url, headers: site ? { "sec-fetch-site": site } : {} });

  it("refuses a percent-encoded /trpc path cross-site, although the router serves it", async () => {
    // The router decodes the path: same-origin, the encoded form reaches the procedure.
    expect((await get("/%74rpc/register.privacyNotice", "same-origin")).statusCode).toBe(200);
    for (const url of ["/%74rpc/register.privacyNotice", "/%74%72%70%63/register.privacyNotice"]) {
      const response = await get(url, "cross-site");
      expect(response.statusCode, url).toBe(403);
      expect(response.json()).toMatchObject({ code: "FORBIDDEN", reason: "csrf.cross_site" });
    }
  });

  it("refuses a sibling subdomain (same-site) as well as cross-site, for tRPC and audio", async () => {
    for (const site of ["same-site", "cross-site"]) {
      for (const url of [
        "/trpc/register.privacyNotice",
        "/media/recordings/00000000-0000-4000-8000-000000000000/audio",
        "/m%65dia/recordings/00000000-0000-4000-8000-000000000000/peaks",
      ]) {
        const response = await get(url, site);
        expect(response.statusCode, `${site} ${url}`).toBe(403);
        expect(response.json().reason).toBe("csrf.cross_site");
      }
    }
    expect((await get("/trpc/register.privacyNotice", "same-origin")).statusCode).toBe(200);
    expect((await get("/trpc/register.privacyNotice", "none")).statusCode).toBe(200);
  });

  it("refuses a same-site state change even with an allowed Origin", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/%74rpc/auth.signIn",
      headers: { origin: TEST_ORIGIN, "content-type": "application/json", "sec-fetch-site": "same-site" },
      payload: JSON.stringify({ username: "kouluttaja", password: account("kouluttaja").password }),
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("CSRF and headers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const signIn = (headers: Record<string, string>, payload?: string) =>
    t.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers,
      payload:
        payload ?? JSON.stringify({ username: "kouluttaja", password: account("kouluttaja").password }),
    });

  it("accepts a same-origin JSON POST", async () => {
    expect((await signIn({ origin: TEST_ORIGIN, "content-type": "application/json" })).statusCode).toBe(200);
  });

  it("refuses a cross-origin POST", async () => {
    const response = await signIn({ origin: "https://evil.example", "content-type": "application/json" });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "FORBIDDEN", reason: "csrf.origin" });
  });

  it("refuses a POST without Origin", async () => {
    expect((await signIn({ "content-type": "application/json" })).statusCode).toBe(403);
  });

  it("refuses text/plain, form and multipart bodies even from the right origin", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const response = await signIn({ origin: TEST_ORIGIN, "content-type": type });
      expect(response.statusCode, type).toBe(403);
      expect(response.json().reason).toBe("csrf.content_type");
    }
  });

  it("refuses cross-site reads of the API (Sec-Fetch-Site)", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/trpc/register.privacyNotice",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("sends the security headers and no-store", async () => {
    const response = await t.app.inject({ method: "GET", url: "/trpc/register.privacyNotice" });
    expect(response.headers["content-security-policy"]).toContain("object-src 'none'");
    expect(response.headers["content-security-policy"]).toContain("base-uri 'none'");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("secure cookie deployment", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { KUULO_COOKIE_SECURE: "true" } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("uses a __Host- cookie with Secure and sends HSTS", async () => {
    const response = await t.call("auth.signIn", {
      username: "kouluttaja",
      password: account("kouluttaja").password,
    });
    expect(response.setCookie).toMatch(
      /^__Host-kuulo_session=[a-z2-7]{52}; Path=\/; HttpOnly; SameSite=Lax; .*Secure$/,
    );
    expect(response.setCookie).not.toContain("Domain");
    expect(response.headers["strict-transport-security"]).toContain("max-age=");
  });
});
