import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/index.js";
import { connectionOf } from "../src/client/connection-registry.js";
import { createDb, type KuuloDb, queryRows } from "../src/client/index.js";
import { MIGRATIONS_FOLDER, migrateDb } from "../src/migrate/index.js";
import * as schema from "../src/schema/index.js";
import { createEmptyPostgresDatabase, testDatabaseUrl } from "../src/testing/index.js";

/**
 * Upgrades stay forward-only and keep data: each released schema, dumped with demo-like data
 * (apps/api/scripts/generate-upgrade-fixture.ts), is loaded and migrated by the current migrateDb —
 * whatever migrations have been added since — and the data is still readable and the audit chain intact.
 */

const FIXTURES = join(import.meta.dirname, "fixtures");
const fixtures = readdirSync(FIXTURES).filter((name) => /^upgrade-from-.+\.sql$/.test(name));

const journalEntries = () =>
  (
    JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    }
  ).entries.length;

const tables = Object.values(schema).filter((value) => value instanceof PgTable) as PgTable[];

async function loadFixture(dump: string): Promise<{ kuuloDb: KuuloDb; drop: () => Promise<void> }> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    const kuuloDb = await createDb({});
    const connection = connectionOf(kuuloDb);
    if (connection.driver !== "pglite") throw new Error("expected PGlite");
    await connection.client.exec(dump);
    // pg_dump empties search_path for its session; PGlite keeps the one session, so restore it.
    await connection.client.exec("SET search_path TO public");
    return { kuuloDb, drop: () => kuuloDb.close() };
  }
  const empty = await createEmptyPostgresDatabase(serverUrl);
  const loader = postgres(empty.url, { max: 1, onnotice: () => {} });
  try {
    await loader.unsafe(dump);
  } finally {
    await loader.end({ timeout: 5 });
  }
  const kuuloDb = await createDb({ databaseUrl: empty.url });
  return {
    kuuloDb,
    drop: async () => {
      await kuuloDb.close();
      await empty.drop();
    },
  };
}

describe.each(fixtures)("upgrade from %s", (fixture) => {
  let loaded: { kuuloDb: KuuloDb; drop: () => Promise<void> };
  let before: Record<string, number>;

  const counts = async (db: KuuloDb["db"]) => {
    const result: Record<string, number> = {};
    for (const name of [
      "users",
      "staff_members",
      "recordings",
      "role_grants",
      "units",
      "playlists",
      "playlist_items",
      "listening_progress",
      "legal_holds",
      "api_tokens",
      "audit_events",
    ]) {
      const [row] = await queryRows<{ n: number | string }>(
        db,
        sql.raw(`select count(*) as n from public.${name}`),
      );
      result[name] = Number(row?.n);
    }
    return result;
  };

  beforeAll(async () => {
    loaded = await loadFixture(readFileSync(join(FIXTURES, fixture), "utf8"));
    before = await counts(loaded.kuuloDb.db);
    await migrateDb(loaded.kuuloDb);
  }, 120_000);
  afterAll(async () => {
    await loaded?.drop();
  });

  it("starts from a populated database of the previous release", () => {
    expect(before.recordings).toBeGreaterThan(0);
    expect(before.users).toBeGreaterThan(0);
    expect(before.audit_events).toBeGreaterThan(0);
  });

  it("applies every migration since, keeps every row, and the audit chain still verifies", async () => {
    const [applied] = await queryRows<{ n: number | string }>(
      loaded.kuuloDb.db,
      sql`select count(*) as n from drizzle.__drizzle_migrations`,
    );
    expect(Number(applied?.n)).toBe(journalEntries());
    expect(await counts(loaded.kuuloDb.db)).toEqual(before);
    const chain = await verifyAuditChain(loaded.kuuloDb.db);
    expect(chain).toMatchObject({ ok: true, count: before.audit_events });
  });

  it("reads every row of every table through the current schema", async () => {
    for (const table of tables) {
      const rows = await loaded.kuuloDb.db.select().from(table);
      expect(Array.isArray(rows), getTableConfig(table).name).toBe(true);
    }
    const users = await loaded.kuuloDb.db.select().from(schema.users);
    expect(users.map((user) => user.username)).toContain("admin");
    // The erased call's playlist item kept its place with the reason; the held call is still held.
    const items = await loaded.kuuloDb.db.select().from(schema.playlistItems);
    expect(items.some((item) => item.recordingId === null && item.removedReason === "erasure")).toBe(true);
    const held = await loaded.kuuloDb.db
      .select()
      .from(schema.recordings)
      .where(eq(schema.recordings.legalHold, true));
    expect(held).toHaveLength(1);
  });
});
