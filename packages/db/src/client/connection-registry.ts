import type { PGlite } from "@electric-sql/pglite";
import type { Database, KuuloDb } from "./types.js";

export type Connection = { driver: "postgres"; databaseUrl: string } | { driver: "pglite"; client: PGlite };

// Keyed by the drizzle instance so wrappers of a KuuloDb ({ ...kuuloDb, close }) still resolve, and kept
// out of KuuloDb itself so the URL (which may carry a password) is not on an object that gets logged.
const connections = new WeakMap<Database, Connection>();

export function rememberConnection(kuuloDb: KuuloDb, connection: Connection): void {
  connections.set(kuuloDb.db, connection);
}

export function connectionOf(kuuloDb: KuuloDb): Connection {
  const connection = connections.get(kuuloDb.db);
  if (!connection) throw new Error("This KuuloDb was not created by createDb()");
  return connection;
}
