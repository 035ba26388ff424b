import { resolve } from "node:path";
import type { Database, KuuloDb } from "@kuulo/db/client";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { type Config, invocationDir } from "../env.js";
import { loadMasterKey } from "../server/master-key.js";
import { createRecordingStorage } from "../services/recordings/recording-storage.js";
import { type Clock, systemClock } from "../trpc/context.js";
import { formatImportReport, type ImportProgress, importRecordings } from "./import-recordings.js";

type WithDb = (
  migrate: boolean,
  run: (db: KuuloDb, config: Config) => Promise<number | undefined>,
) => Promise<void>;

/** Bar steps per item, so a single long call still moves the bar while it is processed. */
const STEPS_PER_ITEM = 1000;

export function progressBar(stream: NodeJS.WriteStream): ImportProgress {
  const bar = new cliProgress.SingleBar(
    {
      format:
        "import |{bar}| {done}/{items}  imported {imported}  skipped {skipped}  refused {refused}  {current}",
      stream,
      // Without a terminal the bar would print nothing; keep a line per second for logs instead.
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    cliProgress.Presets.shades_classic,
  );
  let items = 0;
  return {
    start: (total) => {
      items = total;
      bar.start(Math.max(1, total) * STEPS_PER_ITEM, 0, {
        done: 0,
        items,
        imported: 0,
        skipped: 0,
        refused: 0,
        current: "",
      });
    },
    update: (done, counts) => bar.update(done * STEPS_PER_ITEM, { ...counts, done, current: "" }),
    within: (done, fraction, file) =>
      bar.update(Math.floor((done + fraction) * STEPS_PER_ITEM), {
        current: `${file} ${Math.floor(fraction * 100)} %`,
      }),
    stop: () => bar.stop(),
  };
}

export interface ImportCommandOptions {
  dir: string;
  db: Database;
  config: Config;
  masterKey: Uint8Array;
  actorLabel: string;
  clock?: Clock;
  out?: (line: string) => void;
  progress?: ImportProgress;
}

/** `kuulo import <dir>`: exit 0 only when nothing was refused. */
export async function runImportCommand(options: ImportCommandOptions): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  const storage = createRecordingStorage(options.config, options.masterKey);
  try {
    const report = await importRecordings({
      dir: resolve(options.dir),
      db: options.db,
      clock: options.clock ?? systemClock,
      storage,
      ingest: options.config.ingest,
      actorLabel: options.actorLabel,
      ...(options.progress ? { progress: options.progress } : {}),
    });
    for (const line of formatImportReport(report)) out(line);
    return report.refused.length > 0 ? 1 : 0;
  } finally {
    await storage.close();
  }
}

export function addImportCommand(program: Command, withDb: WithDb, operator: () => string): void {
  program
    .command("import")
    .description(
      "import recordings from <dir>/manifest.jsonl or manifest.csv (R5); resumable; exit 1 if any item is refused",
    )
    .argument("<dir>", "directory holding the manifest and the audio files it names")
    .action((dir: string) =>
      withDb(true, async (kuuloDb, config) =>
        runImportCommand({
          dir: resolve(invocationDir(), dir),
          db: kuuloDb.db,
          config,
          masterKey: await loadMasterKey(config),
          actorLabel: `cli:${operator()}`,
          progress: progressBar(process.stderr),
        }),
      ),
    );
}
