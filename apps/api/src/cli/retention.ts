import type { KuuloDb } from "@kuulo/db/client";
import type { Command } from "commander";
import { journalOf } from "../backup/journal-of.js";
import type { Config } from "../env.js";
import { runRetentionPurge } from "../jobs/retention-purge.js";
import { loadMasterKey } from "../server/master-key.js";
import { storeOf } from "../services/retention/store-of.js";
import { systemClock } from "../trpc/context.js";

type WithDb = (
  migrate: boolean,
  run: (db: KuuloDb, config: Config) => Promise<number | undefined>,
) => Promise<void>;

/**
 * `kuulo retention run [--dry-run]`: the same purge the API schedules (R13), for cron or an operator.
 * Prints each recording purged (or due, in a dry run) by id, category and due date: no personal data.
 */
export function addRetentionCommands(program: Command, withDb: WithDb, operator: () => string): void {
  const retention = program.command("retention").description("retention purge (R13)");
  retention
    .command("run")
    .description("purge recordings whose retention period has ended (legal holds are kept)")
    .option("--dry-run", "only list what would be purged")
    .action((options: { dryRun?: boolean }) =>
      withDb(true, async (kuuloDb, config) => {
        const store = storeOf({ config, masterKey: await loadMasterKey(config) });
        const result = await runRetentionPurge({
          db: kuuloDb.db,
          store,
          clock: systemClock,
          journal: journalOf({ config }),
          dryRun: options.dryRun ?? false,
          actor: { actorType: "system", actorId: null, actorLabel: `cli:${operator()}`, ip: null },
        });
        for (const item of result.items) {
          console.log(
            `${result.dryRun ? "due" : "purged"}  ${item.recordingId}  ${item.category}  due ${item.dueAt ?? "-"}`,
          );
        }
        console.log(
          result.dryRun
            ? `${result.items.length} recording(s) would be purged`
            : `${result.items.length} purged, ${result.skipped} skipped (held meanwhile or purged by another run), ${result.staffMembersRemoved} staff member(s) removed`,
        );
        for (const key of result.objectDeleteFailures)
          console.error(`object not deleted (reconcile removes it): ${key}`);
        return result.objectDeleteFailures.length > 0 ? 1 : 0;
      }),
    );
}
