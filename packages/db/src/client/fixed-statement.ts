import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import type { Database } from "./types.js";

/**
 * A hot statement whose text never changes (e.g. the auth epoch read every request makes), sent straight
 * to the driver: no query building and no ORM mapping per call, and on PostgreSQL a named prepared
 * statement (one round trip). Rows come back as the driver gives them, keyed by column name. Only on the
 * database itself, never in a transaction (which has its own connection).
 */
export function fixedStatement<Row extends Record<string, unknown>>(
  text: string,
): (db: Database, parameters?: readonly unknown[]) => Promise<Row[]> {
  return async (db, parameters = []) => {
    const client = (db as unknown as { $client: Sql | PGlite }).$client;
    if ("unsafe" in client)
      return (await client.unsafe(text, parameters as never[], { prepare: true })) as never;
    return (await client.query<Row>(text, parameters as unknown[])).rows;
  };
}
