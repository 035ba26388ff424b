import type { KuuloDb } from "@kuulo/db/client";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

const dialect = new PgDialect();

interface PostgresJsClient {
  unsafe(query: string, params: unknown[]): Promise<unknown[]>;
}
interface PgliteClient {
  query(query: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Query text and parameters exactly as drizzle would send them to the driver. */
export function toDriverQuery(query: SQL | { toSQL(): { sql: string; params: unknown[] } }): {
  text: string;
  params: unknown[];
} {
  const compiled = "toSQL" in query ? query.toSQL() : dialect.sqlToQuery(query);
  return { text: compiled.sql, params: compiled.params };
}

/** Runs the text on the driver underneath drizzle (postgres.js or PGlite): no ORM mapping, no HTTP. */
export function rawRunner(kuuloDb: KuuloDb): (text: string, params: unknown[]) => Promise<unknown[]> {
  const client = (kuuloDb.db as unknown as { $client: unknown }).$client;
  if (kuuloDb.driver === "postgres") {
    const pg = client as PostgresJsClient;
    return (text, params) => pg.unsafe(text, params);
  }
  const lite = client as PgliteClient;
  return async (text, params) => (await lite.query(text, params)).rows;
}
