import type { KuuloDb } from "@kuulo/db/client";
import type { Command } from "commander";
import type { Config } from "../env.js";
import { verifyAuditWithCheckpoints } from "../services/audit/verify.js";
import { writeAuditCheckpoint } from "../services/audit/write-checkpoint.js";

type WithDb = (
  migrate: boolean,
  run: (db: KuuloDb, config: Config) => Promise<number | undefined>,
) => Promise<void>;

/** `audit verify` (chain + signed checkpoints) and `audit checkpoint` (sign the head, append to the file). */
export function addAuditCommands(program: Command, withDb: WithDb): void {
  const audit = program.command("audit").description("audit log");
  audit
    .command("verify")
    .description("verify the hash chain and the signed checkpoints; exit 1 and report the first break")
    .action(() =>
      withDb(false, async (kuuloDb, config) => {
        const result = await verifyAuditWithCheckpoints(kuuloDb.db, config);
        const { checkpoints } = result;
        const checkpointText = checkpoints.failure
          ? `checkpoint on line ${checkpoints.failure.line} of ${config.auditCheckpoints.file} FAILED (${checkpoints.failure.reason}, seq ${checkpoints.failure.seq ?? "?"})`
          : `${checkpoints.count} checkpoints match${checkpoints.latest ? ` (latest seq ${checkpoints.latest.seq} at ${checkpoints.latest.at})` : ""}`;
        if (result.ok) {
          console.log(
            `audit chain intact: ${result.count} events, head ${result.head.seq} ${result.head.hash}, ${result.pending} waiting for the sequencer; ${checkpointText}`,
          );
          return 0;
        }
        console.error(
          `audit chain BROKEN at seq ${result.brokenAt} (${result.reason}); ${result.count} events verified before it; ${checkpointText}`,
        );
        return 1;
      }),
    );
  audit
    .command("checkpoint")
    .description("sign the chain head (Ed25519) and append it to the checkpoint file outside the database")
    .action(() =>
      withDb(false, async (kuuloDb, config) => {
        const checkpoint = await writeAuditCheckpoint(kuuloDb.db, config, new Date());
        console.log(
          `checkpoint seq ${checkpoint.seq} ${checkpoint.hash} at ${checkpoint.at} (key ${checkpoint.keyId}) appended to ${config.auditCheckpoints.file}`,
        );
        return 0;
      }),
    );
}
