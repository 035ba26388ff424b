import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import {
  createToken,
  metadataFor,
  type RecordingsTestApp,
  startRecordingsApp,
} from "./recordings-harness.js";

describe("API tokens: an expiry already past is refused at creation", () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn("admin");
  });
  afterAll(async () => {
    await t.close();
  });

  it("refuses a past or present expiry with a field error, and creates nothing", async () => {
    const now = t.clock.now().getTime();
    for (const expiresAt of [new Date(now - 24 * 3600_000), new Date(now)]) {
      const response = await t.call(
        "apiTokens.create",
        { name: "recording system", expiresAt: expiresAt.toISOString() },
        { cookie: admin },
      );
      expect(response.status).toBe(400);
      expect(response.body.error?.data.domain).toMatchObject({
        code: "VALIDATION",
        field: "expiresAt",
        reason: "api_token.expiry_past",
      });
    }
    const listed = await t.query("apiTokens.find", undefined, admin);
    expect(JSON.stringify(listed.body)).not.toContain("recording system");
  });

  it("creates a token that expires in the future or never", async () => {
    const future = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    for (const expiresAt of [future, null]) {
      const response = await t.call(
        "apiTokens.create",
        { name: "switchboard", expiresAt },
        { cookie: admin },
      );
      expect(response.status).toBe(200);
    }
  });
});

describe("tRPC batches are capped", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { KUULO_TRPC_MAX_BATCH: "3" } });
  });
  afterAll(async () => {
    await t.close();
  });

  const batch = (calls: number, encode = false) => {
    const path = Array.from({ length: calls }, () => "register.privacyNotice").join(encode ? "%2C" : ",");
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, {}]))),
    );
    return t.app.inject({ method: "GET", url: `/trpc/${path}?batch=1&input=${input}` });
  };

  it("answers a batch up to the cap", async () => {
    const response = await batch(3);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveLength(3);
  });

  it("refuses a larger batch with 400 and a clear reason, however the commas are written", async () => {
    for (const encode of [false, true]) {
      const response = await batch(4, encode);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: "VALIDATION", reason: "batch.too_large" });
      expect(response.json().message).toContain("at most 3");
    }
  });

  it("defaults to 20 calls", async () => {
    const defaults = await createTestApp();
    try {
      const path = (n: number) => Array.from({ length: n }, () => "register.privacyNotice").join(",");
      const input = (n: number) =>
        encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))));
      const ok = await defaults.app.inject({
        method: "GET",
        url: `/trpc/${path(20)}?batch=1&input=${input(20)}`,
      });
      expect(ok.statusCode).toBe(200);
      const refused = await defaults.app.inject({
        method: "GET",
        url: `/trpc/${path(21)}?batch=1&input=${input(21)}`,
      });
      expect(refused.statusCode).toBe(400);
    } finally {
      await defaults.close();
    }
  });
});

describe("ingest is rate-limited per token", () => {
  let app: RecordingsTestApp;
  beforeAll(async () => {
    app = await startRecordingsApp({ KUULO_INGEST_RATE_PER_MINUTE: "2" });
  });
  afterAll(async () => {
    await app.close();
  });

  // Metadata without audio: refused (400) after the rate check, so each call spends one upload.
  const upload = async (token: string) => {
    const form = new FormData();
    form.append("metadata", JSON.stringify(metadataFor("rate-1")));
    const response = await fetch(`${app.base}/ingest/v1/recordings`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await response.text();
    return {
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      body: JSON.parse(text),
    };
  };

  it("answers 429 with Retry-After once a token's allowance is spent, and again after the wait", async () => {
    const first = await createToken(app.t);
    const second = await createToken(app.t);
    expect((await upload(first.token)).status).toBe(400);
    expect((await upload(first.token)).status).toBe(400);
    const limited = await upload(first.token);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "RATE_LIMITED", reason: "ingest.rate_limited" });
    expect(Number(limited.retryAfter)).toBe(30);
    // Another token has its own allowance.
    expect((await upload(second.token)).status).toBe(400);
    // Two uploads a minute: one is back after 30 s (not yet at 29 s).
    app.t.clock.advance(29_000);
    expect((await upload(first.token)).status).toBe(429);
    app.t.clock.advance(2_000);
    expect((await upload(first.token)).status).toBe(400);
  });
});
