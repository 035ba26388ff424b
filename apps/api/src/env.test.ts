import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env.js";
import { DEMO_CONTROLLER } from "./seed/demo-accounts.js";
import { DEMO_REGISTER } from "./seed/demo-register.js";

const PRODUCTION = {
  KUULO_MODE: "production",
  KUULO_AUDIT_SIGNING_KEY_FILE: "/etc/kuulo/audit-signing.key",
  KUULO_ALLOWED_CIDRS: "10.0.0.0/8",
  KUULO_MASTER_KEY: Buffer.alloc(32, 1).toString("base64"),
};

const S3_KEYS = { KUULO_S3_ACCESS_KEY_ID: "AKIA-TEST", KUULO_S3_SECRET_ACCESS_KEY: "test-secret" };

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected the configuration to be refused");
}

describe("loadConfig", () => {
  it("has safe demo defaults: loopback only, PGlite under <repo>/.data, non-Secure cookie on plain HTTP", () => {
    const config = loadConfig({});
    expect(config.mode).toBe("demo");
    expect(config.port).toBe(3000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.allowedCidrs).toEqual(["127.0.0.0/8", "::1/128"]);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/\.data$/);
    expect(config.cookieSecure).toBe(false);
    expect(config.publicOrigins).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
    expect(config.masterKey).toMatchObject({ kind: "file", generateIfMissing: true });
    expect(config.passwordHash).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it("accepts a complete production configuration with a Secure cookie by default", () => {
    const config = loadConfig(PRODUCTION);
    expect(config.cookieSecure).toBe(true);
    expect(config.allowedCidrs).toEqual(["10.0.0.0/8"]);
  });

  it.each([
    [{ ...PRODUCTION, KUULO_ALLOWED_CIDRS: "" }, "KUULO_ALLOWED_CIDRS"],
    [{ ...PRODUCTION, KUULO_MASTER_KEY: "" }, "KUULO_MASTER_KEY"],
    [{ ...PRODUCTION, KUULO_COOKIE_SECURE: "false" }, "KUULO_COOKIE_SECURE"],
    [{ KUULO_ALLOWED_CIDRS: "10.0.0.0/33" }, "KUULO_ALLOWED_CIDRS"],
    [{ KUULO_TRUSTED_PROXIES: "proxy.local" }, "KUULO_TRUSTED_PROXIES"],
    [{ KUULO_MODE: "staging" }, "KUULO_MODE"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ KUULO_MIGRATION_DATABASE_URL: "postgres://owner@db/kuulo" }, "KUULO_MIGRATION_DATABASE_URL"],
    [
      { DATABASE_URL: "postgres://app@db/k", KUULO_MIGRATION_DATABASE_URL: "x" },
      "KUULO_MIGRATION_DATABASE_URL",
    ],
    [{ KUULO_INGEST_RATE_PER_MINUTE: "-1" }, "KUULO_INGEST_RATE_PER_MINUTE"],
    [{ KUULO_TRPC_MAX_BATCH: "0" }, "KUULO_TRPC_MAX_BATCH"],
    [{ KUULO_AUDIO_KEPT_PLAINTEXT_BYTES: "-1" }, "KUULO_AUDIO_KEPT_PLAINTEXT_BYTES"],
    [{ KUULO_AUDIO_KEPT_PLAINTEXT_BYTES: "64MiB" }, "KUULO_AUDIO_KEPT_PLAINTEXT_BYTES"],
    [{ KUULO_FOUR_EYES_LISTENING_GRANTS: "maybe" }, "KUULO_FOUR_EYES_LISTENING_GRANTS"],
    [{ KUULO_PUBLIC_ORIGIN: "https://kuulo.example.fi/admin" }, "KUULO_PUBLIC_ORIGIN"],
    [{ KUULO_MASTER_KEY: "c2hvcnQ=" }, "KUULO_MASTER_KEY"],
    [{ KUULO_CONTACT_EMAIL: "not-an-address" }, "KUULO_CONTACT_EMAIL"],
  ])("refuses %j naming %s", (env, variable) => {
    expect(refusal(env as Record<string, string>).variable).toBe(variable);
  });

  describe("fail closed: demo mode only for the newcomer's setup", () => {
    it.each([
      [{ DATABASE_URL: "postgres://kuulo@db.internal/kuulo" }, "DATABASE_URL is set"],
      [{ HOST: "0.0.0.0" }, "HOST=0.0.0.0 is not a loopback address"],
      [{ HOST: "10.20.0.5" }, "HOST=10.20.0.5"],
      [
        {
          KUULO_STORAGE: "s3",
          KUULO_S3_BUCKET: "b",
          KUULO_S3_REGION: "eu-north-1",
          KUULO_S3_ACCESS_KEY_ID: "k",
          KUULO_S3_SECRET_ACCESS_KEY: "s",
        },
        "KUULO_STORAGE=s3",
      ],
    ])("refuses %j without KUULO_MODE, saying what to set", (env, reason) => {
      const error = refusal(env);
      expect(error.variable).toBe("KUULO_MODE");
      expect(error.message).toContain(reason);
      expect(error.message).toContain("KUULO_MODE=production");
    });

    it("chooses demo for PGlite on loopback (the README's first command) and when asked for explicitly", () => {
      for (const host of ["127.0.0.1", "::1", "localhost", "127.0.0.2"]) {
        expect(loadConfig({ HOST: host }).mode).toBe("demo");
      }
      expect(
        loadConfig({ KUULO_MODE: "demo", DATABASE_URL: "postgres://x@db/kuulo", HOST: "0.0.0.0" }).mode,
      ).toBe("demo");
    });

    it("refuses production without the audit signing key (R14 checkpoints)", () => {
      const { KUULO_AUDIT_SIGNING_KEY_FILE: _key, ...withoutKey } = PRODUCTION;
      const error = refusal(withoutKey);
      expect(error.variable).toBe("KUULO_AUDIT_SIGNING_KEY_FILE");
      expect(loadConfig(PRODUCTION).auditCheckpoints.signingKey).toEqual({
        path: "/etc/kuulo/audit-signing.key",
        generateIfMissing: false,
      });
    });
  });

  it("asks for a second person's approval of listening rights by default, in both modes", () => {
    expect(loadConfig(PRODUCTION).fourEyes.listeningGrants).toBe(true);
    expect(loadConfig({}).fourEyes.listeningGrants).toBe(true);
    expect(loadConfig({ KUULO_FOUR_EYES_LISTENING_GRANTS: "0" }).fourEyes.listeningGrants).toBe(false);
  });

  it("keeps 64 MiB of decrypted audio chunks by default; 0 keeps none", () => {
    expect(loadConfig({}).operations.audioKeptPlaintextBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ KUULO_AUDIO_KEPT_PLAINTEXT_BYTES: "0" }).operations.audioKeptPlaintextBytes).toBe(0);
  });

  it("allows an insecure cookie in production only with the explicit override", () => {
    expect(
      loadConfig({ ...PRODUCTION, KUULO_COOKIE_SECURE: "false", KUULO_ALLOW_INSECURE_COOKIE: "1" })
        .cookieSecure,
    ).toBe(false);
  });

  describe("storage location (R7)", () => {
    it("accepts an EU region and refuses London, Zurich and the US", () => {
      const s3 = { KUULO_MODE: "demo", KUULO_STORAGE: "s3", KUULO_S3_BUCKET: "kuulo-audio", ...S3_KEYS };
      expect(loadConfig({ ...s3, KUULO_S3_REGION: "eu-north-1" }).storage.country).toBe("SE");
      for (const region of ["eu-west-2", "eu-central-2", "us-east-1"]) {
        const error = refusal({ ...s3, KUULO_S3_REGION: region });
        expect(error.variable).toBe("KUULO_S3_REGION");
        expect(error.message).toContain("R7");
      }
    });

    it("requires a stated EU/EEA country for a custom endpoint (MinIO/Ceph on premises)", () => {
      const s3 = {
        KUULO_MODE: "demo",
        KUULO_STORAGE: "s3",
        KUULO_S3_BUCKET: "b",
        KUULO_S3_REGION: "us-east-1",
        KUULO_S3_ENDPOINT: "http://minio:9000",
        ...S3_KEYS,
      };
      expect(refusal(s3).variable).toBe("KUULO_STORAGE_COUNTRY");
      expect(refusal({ ...s3, KUULO_STORAGE_COUNTRY: "US" }).variable).toBe("KUULO_STORAGE_COUNTRY");
      expect(loadConfig({ ...s3, KUULO_STORAGE_COUNTRY: "FI" }).storage.country).toBe("FI");
    });
  });

  it("takes controller and contact details for the privacy notice (R1)", () => {
    const config = loadConfig({
      KUULO_CONTROLLER_NAME: "Tukkuri Oy",
      KUULO_CONTACT_EMAIL: "tietosuoja@tukkuri.example",
    });
    expect(config.register).toMatchObject({
      controllerName: "Tukkuri Oy",
      contactEmail: "tietosuoja@tukkuri.example",
    });
  });

  it("names the demo organisation as the controller of a demo install, never a real company", () => {
    const demo = loadConfig({});
    expect(demo.mode).toBe("demo");
    expect(demo.register).toEqual(DEMO_REGISTER);
    expect(demo.register.controllerName).toBe(DEMO_CONTROLLER.name);
    expect(JSON.stringify(demo.register)).not.toMatch(/Kespro|KESKO/);
    expect(loadConfig({ KUULO_CONTROLLER_NAME: "Tukkuri Oy" }).register.controllerName).toBe("Tukkuri Oy");
  });

  it("keeps the configured controller of a real install, and no demo details", () => {
    expect(loadConfig(PRODUCTION).register).toEqual({});
    const configured = loadConfig({ ...PRODUCTION, KUULO_CONTROLLER_NAME: "Kespro Oy" });
    expect(configured.register).toEqual({ controllerName: "Kespro Oy" });
  });
});
