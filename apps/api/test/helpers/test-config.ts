import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, loadConfig } from "../../src/env.js";

/** Cheap argon2id for tests only (production keeps m=19456, t=2, p=1; see env.ts). */
export const TEST_PASSWORD_HASH = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export const TEST_ORIGIN = "http://127.0.0.1:3000";

export function testConfig(env: Record<string, string> = {}): Config {
  const config = loadConfig({
    KUULO_MODE: "demo",
    PORT: "3000",
    KUULO_DATA_DIR: "/tmp/kuulo-api-test-unused",
    KUULO_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
    // No in-app audit sequencer: tests link with TestApp.linkAudit(), so chain heads and checkpoint files
    // are deterministic (audit-sequencer.test.ts drives the sequencer itself), and the bound is wide.
    KUULO_AUDIT_SEQUENCER: "false",
    KUULO_AUDIT_MAX_MERGE_DELAY_MS: "3600000",
    // Off unless a test asks: a checkpoint at start would write a key and file into the shared data dir.
    KUULO_AUDIT_CHECKPOINT_INTERVAL_MINUTES: "0",
    // Most tests set up listeners through grants.create; separation-of-duties.test.ts turns it on.
    KUULO_FOUR_EYES_LISTENING_GRANTS: "0",
    // Tests sharing the default data dir must not read checkpoints another run wrote there.
    ...(env.KUULO_DATA_DIR
      ? {}
      : {
          KUULO_AUDIT_CHECKPOINT_FILE: join(tmpdir(), `kuulo-api-test-${process.pid}`, "checkpoints.jsonl"),
        }),
    ...env,
  });
  return { ...config, passwordHash: TEST_PASSWORD_HASH };
}
