import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/client/index.js";
import { MIGRATIONS_FOLDER, migrateDb } from "../src/migrate/index.js";
import * as schema from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";

const journalEntries = () =>
  (
    JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    }
  ).entries.length;

const EXPECTED_TABLES = [
  "api_tokens",
  "audit_events",
  "auth_epoch",
  "disclosure_recordings",
  "disclosures",
  "export_packages",
  "inbox_last_seen",
  "job_runs",
  "jobs",
  "legal_holds",
  "listening_progress",
  "listening_requests",
  "login_throttles",
  "organisations",
  "password_setup_tokens",
  "playlist_assignments",
  "playlist_items",
  "playlists",
  "quality_calibration_reviewers",
  "quality_calibrations",
  "quality_disputes",
  "quality_evaluations",
  "quality_form_versions",
  "quality_forms",
  "quality_moment_replies",
  "quality_moments",
  "quality_sampling_rules",
  "quality_settings",
  "recordings",
  "retention_settings",
  "role_grants",
  "sessions",
  "staff_members",
  "units",
  "users",
];

describe("migrations", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  it("create every table of the schema", async () => {
    const rows = await queryRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(EXPECTED_TABLES);
  });

  it("match the drizzle schema column for column (a schema change without a migration fails here)", async () => {
    const rows = await queryRows<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      t.db,
      sql`select table_name, column_name, data_type, is_nullable from information_schema.columns
          where table_schema = 'public' order by table_name, column_name`,
    );
    const inDatabase = rows.map(
      (row) => `${row.table_name}.${row.column_name} ${row.is_nullable === "YES" ? "null" : "not null"}`,
    );
    const inSchema = Object.values(schema as Record<string, unknown>)
      .filter((value): value is PgTable => value instanceof PgTable)
      .flatMap((table) => {
        const config = getTableConfig(table);
        return config.columns.map(
          (column) => `${config.name}.${column.name} ${column.notNull ? "not null" : "null"}`,
        );
      })
      .sort();
    expect(inDatabase.sort()).toEqual(inSchema);
  });

  it("install the append-only triggers on audit_events", async () => {
    const rows = await queryRows<{ tgname: string }>(
      t.db,
      sql`select tgname from pg_trigger where tgrelid = 'audit_events'::regclass and not tgisinternal order by tgname`,
    );
    expect(rows.map((row) => row.tgname)).toEqual([
      "audit_events_insert_unlinked",
      "audit_events_link_once",
      "audit_events_no_delete",
      "audit_events_no_truncate",
    ]);
  });

  it("record each migration once and do nothing when run again", async () => {
    // On PostgreSQL migrations run as the owner; the runtime role cannot even read their journal.
    await migrateDb(t, { ownerUrl: t.ownerDatabaseUrl });
    const rows = await t.asOwner((db) =>
      queryRows<{ count: number | string }>(
        db,
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      ),
    );
    expect(Number(rows[0]?.count)).toBe(journalEntries());
  });

  it("use one driver chosen from the options", () => {
    expect(t.driver).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });
});
