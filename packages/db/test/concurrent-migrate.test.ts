import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { appendAuditEvent, linkPendingAuditEvents, verifyAuditChain } from "../src/audit/index.js";
import { createDb, queryRows } from "../src/client/index.js";
import { MIGRATIONS_FOLDER, migrateDb } from "../src/migrate/index.js";
import * as schema from "../src/schema/index.js";
import { testDatabaseUrl } from "../src/testing/index.js";

const journalEntries = () =>
  (
    JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    }
  ).entries.length;

/** Every table the drizzle schema declares: what the migrations must have made, no more and no fewer. */
const schemaTableNames = () =>
  Object.values(schema)
    .flatMap((value: unknown) => (is(value, PgTable) ? [getTableConfig(value).name] : []))
    .sort();

const serverUrl = testDatabaseUrl();

// Only PostgreSQL has several processes migrating one database; a PGlite directory has one owner.
describe.skipIf(!serverUrl)("concurrent migrate on PostgreSQL", () => {
  it("lets several instances start on one fresh database at once", async () => {
    const name = `kuulo_test_${randomBytes(8).toString("hex")}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    try {
      const instances = await Promise.all([1, 2, 3].map(() => createDb({ databaseUrl: url.toString() })));
      try {
        await Promise.all(instances.map((instance) => migrateDb(instance)));
        const [first] = instances;
        const applied = await queryRows<{ count: number }>(
          first!.db,
          sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
        );
        expect(applied[0]?.count).toBe(journalEntries());
        const tables = await queryRows<{ name: string }>(
          first!.db,
          sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
        );
        expect(tables.map((table) => table.name).sort()).toEqual(schemaTableNames());
        // The schema works from every instance, triggers included.
        for (const instance of instances) {
          await appendAuditEvent(instance.db, {
            actorType: "system",
            action: "system.start",
            outcome: "success",
            occurredAt: new Date(Date.UTC(2026, 10, 29)),
          });
        }
        expect(await linkPendingAuditEvents(first!.db)).toMatchObject({ linked: 3 });
        expect(await verifyAuditChain(first!.db)).toMatchObject({ ok: true, count: 3 });
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
      }
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    }
  });
});
