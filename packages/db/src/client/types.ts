import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "../schema/index.js";

export type Schema = typeof schema;

/** One database type for both drivers: code written against it runs on PGlite and on PostgreSQL alike. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Helpers that may join the caller's transaction take either. */
export type DbOrTx = Database | Transaction;

export type Driver = "pglite" | "postgres";

export interface KuuloDb {
  db: Database;
  driver: Driver;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A postgres:// URL: use PostgreSQL through postgres.js. */
  databaseUrl?: string;
  /** Without a URL: an absolute directory for PGlite (created if missing), or "memory" (the default). */
  dataDir?: string;
}
