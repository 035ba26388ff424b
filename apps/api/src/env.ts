import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { countryOfStorageRegion, isEuEea } from "@kuulo/domain/eu-eea";
import { DEFAULT_LEGAL_HOLD_REVIEW_DAYS } from "@kuulo/domain/inbox";
import { type RegisterConfig, resolveRegisterConfig } from "@kuulo/domain/register";
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { DEMO_REGISTER } from "./seed/demo-register.js";

/** The only reader of process.env: everything else receives a typed Config. */

export type KuuloMode = "demo" | "production";

export interface PasswordHashParams {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export interface StorageConfig {
  kind: "fs" | "s3";
  /** Filesystem root for `fs` (absolute). */
  fsRoot: string;
  s3:
    | {
        bucket: string;
        region: string;
        endpoint: string | undefined;
        forcePathStyle: boolean;
        /** Static keys, or undefined: the AWS SDK's default credential chain (instance role, SSO, …). */
        credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      }
    | undefined;
  /** ISO 3166-1 alpha-2 country where the audio is stored (R7). */
  country: string;
}

/** Limits on one recording arriving through ingest or import. */
export interface IngestConfig {
  /** Largest accepted original audio file, in bytes. */
  maxBytes: number;
  /** Longest accepted recording, in milliseconds. */
  maxDurationMs: number;
  /** Name of the call recording system; (source system, source recording id) is the idempotency key. */
  sourceSystem: string;
  /** Audio worker threads (decoding, peaks, Opus encoding). */
  workers: number;
  /** Uploads one token may make per minute (bursts up to this many); 0 = no limit. */
  ratePerMinute: number;
}

/** Controller/contact details for the privacy notice (R1); unset keys keep the register's defaults. */
export type RegisterOverrides = Partial<RegisterConfig>;

export interface Config {
  mode: KuuloMode;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL as the tables' owner, for migrations only; the API itself runs as DATABASE_URL's role. */
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  allowedCidrs: string[];
  trustedProxies: string[];
  publicOrigins: string[];
  cookieSecure: boolean;
  masterKey: { kind: "inline"; base64: string } | { kind: "file"; path: string; generateIfMissing: boolean };
  /** Retired master keys (base64), kept only to unwrap data keys wrapped before a rotation. */
  previousMasterKeys: string[];
  storage: StorageConfig;
  ingest: IngestConfig;
  register: RegisterOverrides;
  passwordHash: PasswordHashParams;
  /** Where built SPAs live (apps/<name>/dist); missing directories are skipped at start. */
  spaDirs: { admin: string; training: string };
  logLevel: string;
  /** Most calls one tRPC batch request may carry; more is refused with 400 before any runs. */
  trpcMaxBatch: number;
  /** Four-eyes approval per disclosure kind (R6): another privacy officer approves before it takes effect. */
  fourEyes: { training: boolean; statutory: boolean; accessRequest: boolean; listeningGrants: boolean };
  /** Minutes between retention purge runs inside the API (R13); 0 turns the in-process schedule off. */
  retentionIntervalMinutes: number;
  /** Outgoing e-mail (one-time links, the daily inbox digest); null: off, the default. */
  email: EmailConfig | null;
  /** Days a legal hold may stay open before the privacy officer's inbox asks whether the case still holds. */
  inboxLegalHoldReviewDays: number;
  /** Signed audit chain heads kept outside the database (R14); production requires the signing key. */
  auditCheckpoints: {
    signingKey: { path: string; generateIfMissing: boolean } | undefined;
    /** Append-only JSON lines file, one signed checkpoint a line. */
    file: string;
    /** Minutes between checkpoints written by the API; 0 turns the in-process schedule off. */
    intervalMinutes: number;
    /**
     * Maximum merge delay: an audit row must be linked into the chain within this long of its insert, or
     * verification reports it. The sequencer runs every 250 ms (or a quarter of this, if less) and its
     * lease lasts half of it, so a dead holder is replaced well within the bound.
     */
    maxMergeDelayMs: number;
    /**
     * Whether this instance competes for the sequencer lease (default true). One instance with it on is
     * enough; with none, rows stay unlinked and verification reports them once the bound has passed.
     */
    sequencer: boolean;
  };
  /** Signed log of purged and erased recording ids outside the database, replayed after a restore (R13). */
  erasureJournal: { file: string };
  /** Running it: shutdown deadline and the Prometheus listener (docs/operations.md). */
  operations: OperationsConfig;
}

export interface OperationsConfig {
  /** On SIGTERM, running requests and audio streams get this long before their connections are cut. */
  shutdownGraceMs: number;
  /**
   * Decrypted audio chunks all listening sessions together may keep in memory between their Range
   * requests; 0 keeps none (every range is read and decrypted).
   */
  audioKeptPlaintextBytes: number;
  /** A separate listener for GET /metrics (Prometheus); undefined = no metrics listener. */
  metrics: { host: string; port: number } | undefined;
}

export interface EmailConfig {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS is required (never plain text to a remote relay). */
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
  /** Hour of the day (Europe/Helsinki) after which the daily digest goes out. */
  digestHour: number;
  /** Where links in e-mails point (the first public origin). */
  linkOrigin: string;
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
    this.variable = variable;
  }
}

export const REPO_ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

/** apps/api in the source tree; the installation directory in a release (`pnpm release`). */
export const PACKAGE_ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");

/** A release carries release.json beside bin/ and dist/, and its SPAs under public/; it has no source tree. */
export const IS_RELEASE = existsSync(resolve(PACKAGE_ROOT, "release.json"));

/** argon2id m=19456 KiB, t=2, p=1: the @node-rs/argon2 defaults and OWASP's recommendation. */
export const DEFAULT_PASSWORD_HASH: PasswordHashParams = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

const optional = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v));

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function read(env: Record<string, string | undefined>, name: string): string | undefined {
  const parsed = optional.safeParse(env[name]);
  return parsed.success ? parsed.data : undefined;
}

function parseWith<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ConfigError(name, result.error.issues[0]?.message ?? "invalid value");
  }
  return result.data;
}

function cidrList(name: string, values: string[]): string[] {
  for (const value of values) {
    if (!ipaddr.isValidCIDR(value))
      throw new ConfigError(name, `"${value}" is not a CIDR range like 10.0.0.0/8`);
  }
  return values;
}

function booleanFlag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (["1", "true", "yes"].includes(value.toLowerCase())) return true;
  if (["0", "false", "no"].includes(value.toLowerCase())) return false;
  throw new ConfigError(name, `expected true or false, got "${value}"`);
}

function loadStorage(env: Record<string, string | undefined>, dataDir: string): StorageConfig {
  const kind = parseWith("KUULO_STORAGE", z.enum(["fs", "s3"]), read(env, "KUULO_STORAGE") ?? "fs");
  const fsRoot = resolve(read(env, "KUULO_STORAGE_DIR") ?? resolve(dataDir, "objects"));
  const declaredCountry = read(env, "KUULO_STORAGE_COUNTRY")?.toUpperCase();
  if (kind === "fs") {
    const country = declaredCountry ?? "FI";
    if (!isEuEea(country)) {
      throw new ConfigError("KUULO_STORAGE_COUNTRY", `${country} is outside the EU/EEA (rule R7)`);
    }
    return { kind, fsRoot, s3: undefined, country };
  }
  const bucket = read(env, "KUULO_S3_BUCKET");
  if (!bucket) throw new ConfigError("KUULO_S3_BUCKET", "required when KUULO_STORAGE=s3");
  const region = read(env, "KUULO_S3_REGION");
  if (!region) throw new ConfigError("KUULO_S3_REGION", "required when KUULO_STORAGE=s3");
  const endpoint = read(env, "KUULO_S3_ENDPOINT");
  const regionCountry = countryOfStorageRegion(region) ?? undefined;
  // A custom endpoint (MinIO/Ceph on premises) must state where it is; an AWS region says it itself.
  const country = endpoint ? declaredCountry : (regionCountry ?? declaredCountry);
  if (!country) {
    throw new ConfigError(
      "KUULO_STORAGE_COUNTRY",
      `cannot tell the country of S3 region "${region}"${endpoint ? ` at ${endpoint}` : ""}; set KUULO_STORAGE_COUNTRY (rule R7)`,
    );
  }
  if (!endpoint && regionCountry && declaredCountry && declaredCountry !== regionCountry) {
    throw new ConfigError(
      "KUULO_STORAGE_COUNTRY",
      `region ${region} is in ${regionCountry}, not ${declaredCountry}`,
    );
  }
  if (!isEuEea(country)) {
    throw new ConfigError(
      endpoint ? "KUULO_STORAGE_COUNTRY" : "KUULO_S3_REGION",
      `storage in ${country} (${region}) is outside the EU/EEA; recordings must stay in the EU/EEA (rule R7)`,
    );
  }
  return {
    kind,
    fsRoot,
    country,
    s3: {
      bucket,
      region,
      endpoint,
      forcePathStyle:
        booleanFlag("KUULO_S3_FORCE_PATH_STYLE", read(env, "KUULO_S3_FORCE_PATH_STYLE")) ?? false,
      credentials: loadS3Credentials(env),
    },
  };
}

/** Both static keys, or neither (then the SDK's default chain finds credentials); one alone is a mistake. */
function loadS3Credentials(env: Record<string, string | undefined>) {
  const accessKeyId = read(env, "KUULO_S3_ACCESS_KEY_ID");
  const secretAccessKey = read(env, "KUULO_S3_SECRET_ACCESS_KEY");
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId)
    throw new ConfigError("KUULO_S3_ACCESS_KEY_ID", "set it with KUULO_S3_SECRET_ACCESS_KEY, or neither");
  if (!secretAccessKey)
    throw new ConfigError("KUULO_S3_SECRET_ACCESS_KEY", "set it with KUULO_S3_ACCESS_KEY_ID, or neither");
  return { accessKeyId, secretAccessKey };
}

function loadIngest(env: Record<string, string | undefined>): IngestConfig {
  const positive = (name: string, fallback: string, max: number) =>
    parseWith(name, z.coerce.number().int().min(1).max(max), read(env, name) ?? fallback);
  const sourceSystem = read(env, "KUULO_SOURCE_SYSTEM") ?? "call-recording-system";
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(sourceSystem)) {
    throw new ConfigError("KUULO_SOURCE_SYSTEM", "use 1–64 lower-case letters, digits and . _ -");
  }
  return {
    maxBytes: positive("KUULO_INGEST_MAX_BYTES", String(200 * 1024 * 1024), 2 * 1024 * 1024 * 1024),
    maxDurationMs: positive("KUULO_INGEST_MAX_DURATION_SECONDS", String(4 * 60 * 60), 24 * 60 * 60) * 1000,
    sourceSystem,
    workers: positive("KUULO_AUDIO_WORKERS", "1", 16),
    ratePerMinute: parseWith(
      "KUULO_INGEST_RATE_PER_MINUTE",
      z.coerce.number().int().min(0).max(100_000),
      read(env, "KUULO_INGEST_RATE_PER_MINUTE") ?? "120",
    ),
  };
}

function loadPreviousMasterKeys(env: Record<string, string | undefined>): string[] {
  const keys = list(read(env, "KUULO_PREVIOUS_MASTER_KEYS"));
  for (const key of keys) {
    if (Buffer.from(key, "base64").length !== 32 || Buffer.from(key, "base64").toString("base64") !== key) {
      throw new ConfigError("KUULO_PREVIOUS_MASTER_KEYS", "each key must be 32 bytes, base64-encoded");
    }
  }
  return keys;
}

function loadRegister(env: Record<string, string | undefined>): RegisterOverrides {
  const entries: [keyof RegisterConfig, string][] = [
    ["controllerName", "KUULO_CONTROLLER_NAME"],
    ["postalAddress", "KUULO_CONTROLLER_POSTAL_ADDRESS"],
    ["visitingAddress", "KUULO_CONTROLLER_VISITING_ADDRESS"],
    ["phone", "KUULO_CONTROLLER_PHONE"],
    ["contactName", "KUULO_CONTACT_NAME"],
    ["contactPhone", "KUULO_CONTACT_PHONE"],
    ["contactEmail", "KUULO_CONTACT_EMAIL"],
  ];
  const overrides: Record<string, string> = {};
  for (const [key, variable] of entries) {
    const value = read(env, variable);
    if (value === undefined) continue;
    try {
      resolveRegisterConfig({ [key]: value });
    } catch {
      throw new ConfigError(variable, `"${value}" is not a valid ${key} for the privacy notice`);
    }
    overrides[key] = value;
  }
  return overrides as RegisterOverrides;
}

/** Parses the environment into a Config; throws ConfigError naming the variable at fault. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const explicitMode = read(env, "KUULO_MODE");
  const mode = parseWith("KUULO_MODE", z.enum(["demo", "production"]), explicitMode ?? "demo");
  const port = parseWith(
    "PORT",
    z.coerce.number().int().min(0).max(65535, "must be a TCP port (0–65535)"),
    read(env, "PORT") ?? "3000",
  );
  const host = read(env, "HOST") ?? "127.0.0.1";
  const dataDirRaw = read(env, "KUULO_DATA_DIR");
  const dataDir = dataDirRaw
    ? isAbsolute(dataDirRaw)
      ? dataDirRaw
      : resolve(IS_RELEASE ? process.cwd() : REPO_ROOT, dataDirRaw)
    : IS_RELEASE
      ? "/var/lib/kuulo"
      : resolve(REPO_ROOT, ".data");

  const databaseUrl = read(env, "DATABASE_URL");
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL", "must start with postgres:// or postgresql://");
  }
  const migrationDatabaseUrl = read(env, "KUULO_MIGRATION_DATABASE_URL");
  if (migrationDatabaseUrl && !databaseUrl) {
    throw new ConfigError("KUULO_MIGRATION_DATABASE_URL", "needs DATABASE_URL (the runtime role) as well");
  }
  if (migrationDatabaseUrl && !/^postgres(ql)?:\/\//.test(migrationDatabaseUrl)) {
    throw new ConfigError("KUULO_MIGRATION_DATABASE_URL", "must start with postgres:// or postgresql://");
  }

  const allowedRaw = read(env, "KUULO_ALLOWED_CIDRS");
  if (mode === "production" && !allowedRaw) {
    throw new ConfigError(
      "KUULO_ALLOWED_CIDRS",
      "required in production: list the company networks allowed to reach Kuulo (rule R12)",
    );
  }
  const allowedCidrs = cidrList("KUULO_ALLOWED_CIDRS", list(allowedRaw ?? "127.0.0.0/8,::1/128"));
  if (allowedCidrs.length === 0) throw new ConfigError("KUULO_ALLOWED_CIDRS", "must list at least one range");
  const trustedProxies = cidrList("KUULO_TRUSTED_PROXIES", list(read(env, "KUULO_TRUSTED_PROXIES")));

  const publicOrigins = list(
    read(env, "KUULO_PUBLIC_ORIGIN") ?? `http://localhost:${port},http://127.0.0.1:${port}`,
  );
  for (const origin of publicOrigins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(
        "KUULO_PUBLIC_ORIGIN",
        `"${origin}" is not an origin like https://kuulo.example.fi`,
      );
    }
    if (parsed.origin !== origin) {
      throw new ConfigError("KUULO_PUBLIC_ORIGIN", `"${origin}" must be a bare origin (${parsed.origin})`);
    }
  }

  const cookieFlag = booleanFlag("KUULO_COOKIE_SECURE", read(env, "KUULO_COOKIE_SECURE"));
  const cookieSecure = cookieFlag ?? mode === "production";
  const allowInsecure = booleanFlag("KUULO_ALLOW_INSECURE_COOKIE", read(env, "KUULO_ALLOW_INSECURE_COOKIE"));
  if (mode === "production" && !cookieSecure && allowInsecure !== true) {
    throw new ConfigError(
      "KUULO_COOKIE_SECURE",
      "false is unsafe in production (session cookie over plain HTTP); set KUULO_ALLOW_INSECURE_COOKIE=1 to override",
    );
  }

  const masterKeyInline = read(env, "KUULO_MASTER_KEY");
  const masterKeyFile = read(env, "KUULO_MASTER_KEY_FILE");
  let masterKey: Config["masterKey"];
  if (masterKeyInline) {
    const bytes = Buffer.from(masterKeyInline, "base64");
    if (bytes.length !== 32) throw new ConfigError("KUULO_MASTER_KEY", "must be 32 bytes, base64-encoded");
    masterKey = { kind: "inline", base64: masterKeyInline };
  } else if (masterKeyFile) {
    masterKey = { kind: "file", path: resolve(masterKeyFile), generateIfMissing: false };
  } else if (mode === "production") {
    throw new ConfigError("KUULO_MASTER_KEY", "required in production (or KUULO_MASTER_KEY_FILE)");
  } else {
    masterKey = { kind: "file", path: resolve(dataDir, "master.key"), generateIfMissing: true };
  }

  const storage = loadStorage(env, dataDir);
  if (explicitMode === undefined) refuseImplicitDemo({ databaseUrl, storage: storage.kind, host });

  return {
    mode,
    port,
    host,
    databaseUrl,
    migrationDatabaseUrl,
    dataDir,
    allowedCidrs,
    trustedProxies,
    publicOrigins,
    cookieSecure,
    masterKey,
    previousMasterKeys: loadPreviousMasterKeys(env),
    storage,
    ingest: loadIngest(env),
    // A demo names its own made-up organisation unless told otherwise; production keeps the defaults.
    register: mode === "demo" ? { ...DEMO_REGISTER, ...loadRegister(env) } : loadRegister(env),
    passwordHash: DEFAULT_PASSWORD_HASH,
    spaDirs: IS_RELEASE
      ? { admin: resolve(PACKAGE_ROOT, "public/admin"), training: resolve(PACKAGE_ROOT, "public/training") }
      : { admin: resolve(REPO_ROOT, "apps/admin/dist"), training: resolve(REPO_ROOT, "apps/training/dist") },
    logLevel: read(env, "KUULO_LOG_LEVEL") ?? "info",
    trpcMaxBatch: parseWith(
      "KUULO_TRPC_MAX_BATCH",
      z.coerce.number().int().min(1).max(1000),
      read(env, "KUULO_TRPC_MAX_BATCH") ?? "20",
    ),
    fourEyes: {
      training: booleanFlag("KUULO_FOUR_EYES_TRAINING", read(env, "KUULO_FOUR_EYES_TRAINING")) ?? false,
      statutory: booleanFlag("KUULO_FOUR_EYES_STATUTORY", read(env, "KUULO_FOUR_EYES_STATUTORY")) ?? true,
      accessRequest:
        booleanFlag("KUULO_FOUR_EYES_ACCESS_REQUEST", read(env, "KUULO_FOUR_EYES_ACCESS_REQUEST")) ?? true,
      // R10: a right that lets someone listen takes effect only when a privacy officer approves it.
      listeningGrants:
        booleanFlag("KUULO_FOUR_EYES_LISTENING_GRANTS", read(env, "KUULO_FOUR_EYES_LISTENING_GRANTS")) ??
        true,
    },
    retentionIntervalMinutes: parseWith(
      "KUULO_RETENTION_INTERVAL_MINUTES",
      z.coerce
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 60, "at most a week (10080 minutes)"),
      read(env, "KUULO_RETENTION_INTERVAL_MINUTES") ?? "60",
    ),
    inboxLegalHoldReviewDays: parseWith(
      "KUULO_INBOX_LEGAL_HOLD_REVIEW_DAYS",
      z.coerce.number().int().min(1).max(3653),
      read(env, "KUULO_INBOX_LEGAL_HOLD_REVIEW_DAYS") ?? String(DEFAULT_LEGAL_HOLD_REVIEW_DAYS),
    ),
    auditCheckpoints: loadAuditCheckpoints(env, mode, dataDir),
    erasureJournal: loadErasureJournal(env, dataDir),
    operations: loadOperations(env),
    email: loadEmail(env, publicOrigins[0] ?? `http://localhost:${port}`),
  };
}

/** Off unless KUULO_EMAIL=1; then an SMTP relay and a sender are required. */
function loadEmail(env: Record<string, string | undefined>, linkOrigin: string): EmailConfig | null {
  if (booleanFlag("KUULO_EMAIL", read(env, "KUULO_EMAIL")) !== true) return null;
  const host = read(env, "KUULO_SMTP_HOST");
  if (!host)
    throw new ConfigError("KUULO_SMTP_HOST", "required when KUULO_EMAIL=1: the SMTP relay's host name");
  const from = parseWith(
    "KUULO_EMAIL_FROM",
    z.email("must be an e-mail address"),
    read(env, "KUULO_EMAIL_FROM"),
  );
  const secure = booleanFlag("KUULO_SMTP_SECURE", read(env, "KUULO_SMTP_SECURE")) ?? false;
  return {
    host,
    port: parseWith(
      "KUULO_SMTP_PORT",
      z.coerce.number().int().min(1).max(65535, "must be a TCP port"),
      read(env, "KUULO_SMTP_PORT") ?? (secure ? "465" : "587"),
    ),
    secure,
    user: read(env, "KUULO_SMTP_USER"),
    password: read(env, "KUULO_SMTP_PASSWORD"),
    from,
    digestHour: parseWith(
      "KUULO_EMAIL_DIGEST_HOUR",
      z.coerce.number().int().min(0).max(23, "an hour of the day, 0–23"),
      read(env, "KUULO_EMAIL_DIGEST_HOUR") ?? "7",
    ),
    linkOrigin,
  };
}

/** Beside the checkpoint file by default: both are kept outside the database and shipped off the host. */
function loadErasureJournal(
  env: Record<string, string | undefined>,
  dataDir: string,
): Config["erasureJournal"] {
  const checkpointFile = resolve(
    read(env, "KUULO_AUDIT_CHECKPOINT_FILE") ?? resolve(dataDir, "audit-checkpoints.jsonl"),
  );
  return {
    file: resolve(
      read(env, "KUULO_ERASURE_JOURNAL_FILE") ?? resolve(dirname(checkpointFile), "erasure-journal.jsonl"),
    ),
  };
}

const DEFAULT_AUDIO_KEPT_PLAINTEXT_BYTES = 64 * 1024 * 1024;
const MAX_AUDIO_KEPT_PLAINTEXT_BYTES = 16 * 1024 * 1024 * 1024;

function loadOperations(env: Record<string, string | undefined>): OperationsConfig {
  const graceSeconds = parseWith(
    "KUULO_SHUTDOWN_GRACE_SECONDS",
    z.coerce.number().int().min(0).max(3600, "at most an hour (3600 seconds)"),
    read(env, "KUULO_SHUTDOWN_GRACE_SECONDS") ?? "30",
  );
  const metricsPort = read(env, "KUULO_METRICS_PORT");
  return {
    shutdownGraceMs: graceSeconds * 1000,
    audioKeptPlaintextBytes: parseWith(
      "KUULO_AUDIO_KEPT_PLAINTEXT_BYTES",
      z.coerce
        .number()
        .int("a whole number of bytes")
        .min(0, "0 (keep none) or more bytes")
        .max(MAX_AUDIO_KEPT_PLAINTEXT_BYTES, "at most 16 GiB (17179869184 bytes)"),
      read(env, "KUULO_AUDIO_KEPT_PLAINTEXT_BYTES") ?? String(DEFAULT_AUDIO_KEPT_PLAINTEXT_BYTES),
    ),
    metrics:
      metricsPort === undefined
        ? undefined
        : {
            host: read(env, "KUULO_METRICS_HOST") ?? "127.0.0.1",
            port: parseWith(
              "KUULO_METRICS_PORT",
              z.coerce.number().int().min(0).max(65535, "must be a TCP port (0–65535)"),
              metricsPort,
            ),
          },
  };
}

function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  const bare = host.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === "loopback";
}

/**
 * Fail closed: without KUULO_MODE, demo mode (which seeds published passwords and TOTP secrets) is
 * chosen only for the newcomer's setup — embedded PGlite, local files, loopback. Anything that looks
 * like an installation must say which mode it is.
 */
function refuseImplicitDemo(settings: { databaseUrl: string | undefined; storage: string; host: string }) {
  const reasons = [
    settings.databaseUrl ? "DATABASE_URL is set" : undefined,
    settings.storage === "s3" ? "KUULO_STORAGE=s3" : undefined,
    isLoopback(settings.host) ? undefined : `HOST=${settings.host} is not a loopback address`,
  ].filter((reason) => reason !== undefined);
  if (reasons.length === 0) return;
  throw new ConfigError(
    "KUULO_MODE",
    `not set, and ${reasons.join(", ")}: this looks like an installation, so Kuulo will not start in demo mode ` +
      "(demo mode seeds published passwords). Set KUULO_MODE=production, or KUULO_MODE=demo to try Kuulo with demo data",
  );
}

function loadAuditCheckpoints(
  env: Record<string, string | undefined>,
  mode: KuuloMode,
  dataDir: string,
): Config["auditCheckpoints"] {
  const keyFile = read(env, "KUULO_AUDIT_SIGNING_KEY_FILE");
  if (mode === "production" && !keyFile) {
    throw new ConfigError(
      "KUULO_AUDIT_SIGNING_KEY_FILE",
      "required in production: an Ed25519 private key (PEM) that signs the audit checkpoints kept outside the database (R14); " +
        "create one with `openssl genpkey -algorithm ed25519 -out audit-signing.key`",
    );
  }
  return {
    signingKey: keyFile
      ? { path: resolve(keyFile), generateIfMissing: false }
      : mode === "demo"
        ? { path: resolve(dataDir, "audit-signing.key"), generateIfMissing: true }
        : undefined,
    file: resolve(read(env, "KUULO_AUDIT_CHECKPOINT_FILE") ?? resolve(dataDir, "audit-checkpoints.jsonl")),
    intervalMinutes: parseWith(
      "KUULO_AUDIT_CHECKPOINT_INTERVAL_MINUTES",
      z.coerce
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 60, "at most a week (10080 minutes)"),
      read(env, "KUULO_AUDIT_CHECKPOINT_INTERVAL_MINUTES") ?? "60",
    ),
    maxMergeDelayMs: parseWith(
      "KUULO_AUDIT_MAX_MERGE_DELAY_MS",
      z.coerce.number().int().min(200, "at least 200 ms").max(3_600_000, "at most an hour (3600000 ms)"),
      read(env, "KUULO_AUDIT_MAX_MERGE_DELAY_MS") ?? "5000",
    ),
    sequencer: booleanFlag("KUULO_AUDIT_SEQUENCER", read(env, "KUULO_AUDIT_SEQUENCER")) ?? true,
  };
}

/**
 * The directory the operator ran `pnpm cli …` in: pnpm runs package scripts inside apps/api and passes
 * the original directory as INIT_CWD, so relative paths on the command line resolve against it.
 */
export function invocationDir(env: Record<string, string | undefined> = process.env): string {
  return read(env, "INIT_CWD") ?? process.cwd();
}
