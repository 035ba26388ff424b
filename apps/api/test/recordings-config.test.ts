import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RECORDING_METADATA_FIELDS, REQUIRED_RECORDING_METADATA_FIELDS } from "@kuulo/domain/recording";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/env.js";
import { createBlobStore } from "../src/services/recordings/recording-storage.js";
import { S3BlobStore } from "../src/storage/index.js";
import {
  createToken,
  metadataFor,
  postIngest,
  type RecordingsTestApp,
  readDemo,
  recordingRow,
  startRecordingsApp,
} from "./recordings-harness.js";

const base = {
  KUULO_MODE: "demo",
  KUULO_DATA_DIR: "/srv/kuulo",
  KUULO_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
};
const s3 = {
  KUULO_STORAGE: "s3",
  KUULO_S3_BUCKET: "kuulo",
  KUULO_S3_ACCESS_KEY_ID: "id",
  KUULO_S3_SECRET_ACCESS_KEY: "secret",
};

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("storage and ingest configuration", () => {
  it("defaults: filesystem objects under the data dir, 200 MiB, 4 h, one audio worker", () => {
    const config = loadConfig(base);
    expect(config.storage).toMatchObject({ kind: "fs", fsRoot: "/srv/kuulo/objects" });
    expect(config.ingest).toEqual({
      maxBytes: 200 * 1024 * 1024,
      maxDurationMs: 4 * 3600 * 1000,
      sourceSystem: "call-recording-system",
      workers: 1,
      ratePerMinute: 120,
    });
    expect(config.previousMasterKeys).toEqual([]);
  });

  it("refuses to start with S3 storage outside the EU/EEA (R7)", () => {
    const error = configError({ ...s3, KUULO_S3_REGION: "us-east-1" });
    expect(error.variable).toBe("KUULO_S3_REGION");
    expect(error.message).toContain("R7");
    expect(
      configError({
        ...s3,
        KUULO_S3_REGION: "fi-hki",
        KUULO_S3_ENDPOINT: "https://minio.example",
        KUULO_STORAGE_COUNTRY: "US",
      }).message,
    ).toContain("R7");
    expect(
      createBlobStore(loadConfig({ ...base, ...s3, KUULO_S3_REGION: "eu-north-1" }).storage),
    ).toBeInstanceOf(S3BlobStore);
  });

  it("names the variable at fault", () => {
    expect(
      configError({ ...s3, KUULO_S3_REGION: "eu-north-1", KUULO_S3_SECRET_ACCESS_KEY: "" }).variable,
    ).toBe("KUULO_S3_SECRET_ACCESS_KEY");
    expect(configError({ KUULO_INGEST_MAX_BYTES: "0" }).variable).toBe("KUULO_INGEST_MAX_BYTES");
    expect(configError({ KUULO_PREVIOUS_MASTER_KEYS: "c2hvcnQ=" }).variable).toBe(
      "KUULO_PREVIOUS_MASTER_KEYS",
    );
    expect(configError({ KUULO_SOURCE_SYSTEM: "Bad Name" }).variable).toBe("KUULO_SOURCE_SYSTEM");
  });
});

describe("ingest and streaming on S3-compatible storage (s3rver)", () => {
  let server: S3rver;
  let directory: string;
  let app: RecordingsTestApp;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "kuulo-rec-s3-"));
    server = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: "kuulo-rec" }],
    });
    const { port } = await server.run();
    app = await startRecordingsApp({
      ...s3,
      KUULO_S3_BUCKET: "kuulo-rec",
      KUULO_S3_REGION: "eu-north-1",
      KUULO_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      KUULO_S3_FORCE_PATH_STYLE: "true",
      KUULO_S3_ACCESS_KEY_ID: "S3RVER",
      KUULO_S3_SECRET_ACCESS_KEY: "S3RVER",
      KUULO_STORAGE_COUNTRY: "SE",
    });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("stores the encrypted object in the bucket and serves it back byte-exactly", async () => {
    const { token } = await createToken(app.t);
    const ingest = await postIngest(app, token, metadataFor("s3-0001"), await readDemo("call-002.mp3"));
    expect(ingest.status).toBe(201);
    const row = await recordingRow(app.t, ingest.body.id as string);
    expect(await app.storage.store.inner.exists(row.storageKey)).toBe(true);
    const full = await app.storage.store.getPlaintextRange(
      row.storageKey,
      row.wrappedDataKey!,
      0,
      row.storedSizeBytes - 1,
    );
    const cookie = await app.t.signIn("mikko.korhonen");
    const response = await fetch(`${app.base}/media/recordings/${row.id}/audio`, {
      headers: { cookie, range: "bytes=100-" },
    });
    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(full).subarray(100))).toBe(true);
  });
});

describe("openapi/ingest.yaml", () => {
  it("describes exactly the domain's metadata fields (R3) and refuses others", async () => {
    const spec = await readFile(new URL("../openapi/ingest.yaml", import.meta.url), "utf8");
    const start = spec.indexOf("    RecordingMetadata:");
    const section = spec.slice(start, spec.indexOf("      example:", start));
    const declared = [...section.matchAll(/^ {8}([A-Za-z]+):/gm)].map((match) => match[1]);
    expect(declared).toEqual([...RECORDING_METADATA_FIELDS]);
    expect(section).toContain(`required: [${REQUIRED_RECORDING_METADATA_FIELDS.join(", ")}]`);
    expect(section).toContain("additionalProperties: false");
  });
});

describe("ingest temp files", () => {
  it("removes temp directories an earlier crash left behind (older than an hour) at start", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "kuulo-rec-stale-"));
    const old = join(dataDir, "tmp", "ingest-old");
    const fresh = join(dataDir, "tmp", "ingest-fresh");
    for (const dir of [old, fresh]) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, "audio"), "plaintext original");
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    const app = await startRecordingsApp({ KUULO_DATA_DIR: dataDir });
    try {
      expect(await readdir(join(dataDir, "tmp"))).toEqual(["ingest-fresh"]);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
