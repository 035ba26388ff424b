import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { appendAuditEvent } from "@kuulo/db/audit";
import type { KuuloDb } from "@kuulo/db/client";
import { apiTokens } from "@kuulo/db/schema";
import { Command } from "commander";
import { desc, eq } from "drizzle-orm";
import { type Config, ConfigError, loadConfig } from "../env.js";
import { linkOwnAuditRows } from "../jobs/link-own-audit-rows.js";
import { printDemoLogins } from "../seed/print-demo-logins.js";
import { seedDemoIfEmpty } from "../seed/seed-demo.js";
import { loadMasterKey } from "../server/master-key.js";
import { insertApiToken } from "../services/api-tokens/create.js";
import { addAuditCommands } from "./audit-command.js";
import { addAuthCommands } from "./auth-command.js";
import { addBackupCommands } from "./backup-command.js";
import { createAdmin } from "./create-admin.js";
import { addImportCommand } from "./import-command.js";
import { openDb } from "./open-db.js";
import { promptPassword, readPasswordFromStdin } from "./read-password.js";
import { addRetentionCommands } from "./retention.js";
import { addStorageCommands } from "./storage-command.js";

const operator = () => {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
};

/** Runs one command against the configured database and always closes it; errors → exit code 1. */
async function withDb(migrate: boolean, run: (db: KuuloDb, config: Config) => Promise<number | undefined>) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const kuuloDb = await openDb(config, { migrate });
  try {
    process.exitCode = (await run(kuuloDb, config)) ?? 0;
    await linkOwnAuditRows(kuuloDb.db, config);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await kuuloDb.close();
  }
}

/** src/cli/ and dist/cli/ are both two levels below the package root; a release keeps its package.json. */
const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

const program = new Command()
  .name("kuulo")
  .version(version, "-v, --version", "print the Kuulo version")
  .description(
    "Kuulo operator commands. Stop the server first when it uses PGlite (one process per data directory).",
  );

program
  .command("serve")
  .description("start the API and the SPAs (configuration from the environment, docs/operations.md)")
  .action(async () => {
    const { serve } = await import("../server/serve.js");
    await serve();
  });

program
  .command("migrate")
  .description("apply the committed database migrations")
  .action(() =>
    withDb(true, async () => {
      console.log("migrations applied");
      return 0;
    }),
  );

program
  .command("create-admin")
  .description("create an administrator (all units); TOTP enrolment is required at the first sign-in")
  .requiredOption("--username <username>")
  .requiredOption("--first-name <name>")
  .requiredOption("--last-name <name>")
  .option("--password-stdin", "read the password from standard input instead of prompting")
  .option("--controller-business-id <id>", "Y-tunnus of the controller, when the database has none yet")
  .action(
    (options: {
      username: string;
      firstName: string;
      lastName: string;
      passwordStdin?: boolean;
      controllerBusinessId?: string;
    }) =>
      withDb(true, async (kuuloDb, config) => {
        const password = options.passwordStdin
          ? await readPasswordFromStdin()
          : await promptPassword("Password: ");
        if (!options.passwordStdin && (await promptPassword("Repeat: ")) !== password) {
          throw new Error("the passwords differ");
        }
        const created = await createAdmin(kuuloDb.db, config, { ...options, password, operator: operator() });
        console.log(
          `administrator ${created.username} created (${created.userId}); enrol TOTP at the first sign-in`,
        );
        return 0;
      }),
  );

const tokens = program.command("api-token").description("machine tokens for the call recording system (R5)");
tokens
  .command("create")
  .requiredOption("--name <name>", "which system uses the token")
  .option("--expires-at <iso>", "expiry, ISO 8601")
  .action((options: { name: string; expiresAt?: string }) =>
    withDb(true, async (kuuloDb) => {
      if (options.expiresAt && Number.isNaN(Date.parse(options.expiresAt)))
        throw new Error("--expires-at: not an ISO date");
      const now = new Date();
      const created = await kuuloDb.db.transaction((tx) =>
        insertApiToken(
          tx,
          { name: options.name, expiresAt: options.expiresAt ?? null, createdBy: null, now },
          (what) =>
            appendAuditEvent(tx, {
              ...what,
              actorType: "system",
              actorLabel: `cli:${operator()}`,
              occurredAt: now,
            }),
        ),
      );
      console.log(`token ${created.apiToken.id} (${created.apiToken.name}), shown once:\n${created.token}`);
      return 0;
    }),
  );
tokens.command("list").action(() =>
  withDb(false, async (kuuloDb) => {
    const rows = await kuuloDb.db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt));
    for (const row of rows) {
      const state = row.revokedAt ? `revoked ${row.revokedAt.toISOString()}` : "active";
      console.log(`${row.id}  ${row.name}  ${state}  last used ${row.lastUsedAt?.toISOString() ?? "never"}`);
    }
    return 0;
  }),
);
tokens
  .command("revoke")
  .argument("<id>")
  .action((id: string) =>
    withDb(false, async (kuuloDb) => {
      const now = new Date();
      await kuuloDb.db.transaction(async (tx) => {
        const updated = await tx
          .update(apiTokens)
          .set({ revokedAt: now })
          .where(eq(apiTokens.id, id))
          .returning();
        if (updated.length === 0) throw new Error(`no token ${id}`);
        await appendAuditEvent(tx, {
          actorType: "system",
          actorLabel: `cli:${operator()}`,
          action: "api_token.revoke",
          outcome: "success",
          targetType: "api_token",
          targetId: id,
          occurredAt: now,
        });
      });
      console.log(`token ${id} revoked`);
      return 0;
    }),
  );

program
  .command("seed-demo")
  .description("demo mode only: seed the demo company into an empty database")
  .action(() =>
    withDb(true, async (kuuloDb, config) => {
      if (config.mode !== "demo") throw new Error("seed-demo runs only with KUULO_MODE=demo");
      const seeded = await seedDemoIfEmpty(kuuloDb.db, config, await loadMasterKey(config));
      printDemoLogins(seeded);
      return 0;
    }),
  );

addAuditCommands(program, withDb);
addAuthCommands(program, withDb, operator);
addRetentionCommands(program, withDb, operator);
addImportCommand(program, withDb, operator);
addStorageCommands(program, withDb, operator);
addBackupCommands(program, withDb, operator);

await program.parseAsync(process.argv);
