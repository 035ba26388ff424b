import { describe, expect, it } from "vitest";
import { changesSeeding } from "../src/demo-template.js";

describe("changesSeeding", () => {
  it.each([
    [undefined],
    [{}],
    [{ KUULO_FOUR_EYES_LISTENING_GRANTS: "0" }],
    [
      {
        KUULO_PUBLIC_ORIGIN: "https://127.0.0.1:8443",
        KUULO_TRUSTED_PROXIES: "127.0.0.2/32",
        KUULO_ALLOWED_CIDRS: "127.0.0.1/32",
        KUULO_COOKIE_SECURE: "true",
      },
    ],
  ])("starts from the template with settings read only at run time: %j", (env) => {
    expect(changesSeeding(env)).toBe(false);
  });

  it.each([
    [{ KUULO_STORAGE_DIR: "/tmp/elsewhere" }],
    [{ KUULO_MASTER_KEY: "x" }],
    [{ KUULO_INGEST_MAX_DURATION_SECONDS: "60" }],
    [{ KUULO_EMAIL: "1", KUULO_SMTP_HOST: "127.0.0.1" }],
    [{ KUULO_MODE: "production" }],
    [{ KUULO_FOUR_EYES_TRAINING: "1", KUULO_AUDIT_CHECKPOINT_FILE: "/tmp/c.jsonl" }],
    [{ KUULO_PUBLIC_ORIGIN_EXTRA: "x" }],
  ])("seeds afresh when a setting may change what is seeded: %j", (env) => {
    expect(changesSeeding(env)).toBe(true);
  });
});
