import type { Database } from "@kuulo/db/client";
import type { Config } from "../env.js";
import { systemClock } from "../trpc/context.js";
import { newSequencerInstanceId, releaseAuditSequencer, runAuditSequencerTick } from "./audit-sequencer.js";

/**
 * A CLI command may run with no API instance up (PGlite, maintenance): it links the audit rows it wrote
 * before exiting, unless a running instance holds the sequencer lease and will do it within the bound.
 */
export async function linkOwnAuditRows(
  db: Database,
  config: Pick<Config, "auditCheckpoints">,
): Promise<void> {
  const instanceId = `cli:${newSequencerInstanceId()}`;
  const result = await runAuditSequencerTick({ db, config, clock: systemClock, instanceId });
  if (result) await releaseAuditSequencer(db, systemClock, instanceId);
}
