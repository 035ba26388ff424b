import type { KuuloDb } from "@kuulo/db/client";
import type { Command } from "commander";
import type { Config } from "../env.js";
import { loadMasterKey } from "../server/master-key.js";
import { systemClock } from "../trpc/context.js";
import { rewrapTotpSecrets } from "./totp-rewrap.js";

type WithDb = (
  migrate: boolean,
  run: (db: KuuloDb, config: Config) => Promise<number | undefined>,
) => Promise<void>;

/** `kuulo auth rewrap-totp`: after a master key rotation, re-seal TOTP secrets with the current key. */
export function addAuthCommands(program: Command, withDb: WithDb, operator: () => string): void {
  const auth = program.command("auth").description("sign-in secrets");
  auth
    .command("rewrap-totp")
    .description(
      "after a master key rotation: re-seal every TOTP secret with the current master key (then drop the old key)",
    )
    .action(() =>
      withDb(false, async (kuuloDb, config) => {
        const result = await rewrapTotpSecrets({
          db: kuuloDb.db,
          masterKey: await loadMasterKey(config),
          previousKeys: config.previousMasterKeys.map((key) => new Uint8Array(Buffer.from(key, "base64"))),
          clock: systemClock,
          actorLabel: `cli:${operator()}`,
        });
        console.log(`${result.rewrapped} TOTP secret(s) re-sealed with the current master key`);
        if (result.unreadable.length === 0) return 0;
        console.error(
          `${result.unreadable.length} TOTP secret(s) open with no configured key (users ${result.unreadable.join(", ")}); reset their TOTP`,
        );
        return 1;
      }),
    );
}
