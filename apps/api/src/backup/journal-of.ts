import type { Config } from "../env.js";
import { createErasureJournal, type ErasureJournal } from "./erasure-journal.js";

const built = new WeakMap<object, ErasureJournal>();

/** One journal per configuration (the signing key is read once), shared by the purge job and erasure. */
export function journalOf(deps: {
  config: Pick<Config, "auditCheckpoints" | "erasureJournal">;
}): ErasureJournal {
  const cached = built.get(deps.config);
  if (cached) return cached;
  const journal = createErasureJournal(deps.config);
  built.set(deps.config, journal);
  return journal;
}
