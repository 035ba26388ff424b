import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { connectionOf } from "../client/connection-registry.js";
import { createDb } from "../client/create-db.js";
import type { Database, KuuloDb } from "../client/types.js";
import * as schema from "../schema/index.js";
import type { TestDb } from "./create-test-db.js";

/**
 * A second handle on the same test database, as another API instance would have: its own connection pool
 * on PostgreSQL; on PGlite (one process) a separate drizzle instance over the same client. `close()` closes
 * only this handle.
 */
export async function openAnotherInstance(testDb: TestDb): Promise<KuuloDb> {
  if (testDb.databaseUrl) return createDb({ databaseUrl: testDb.databaseUrl });
  const connection = connectionOf(testDb);
  if (connection.driver !== "pglite") throw new Error("expected a PGlite test database");
  const db = drizzlePglite({ client: connection.client, schema }) as unknown as Database;
  return { db, driver: "pglite", close: async () => {} };
}
