import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./types.js";

/**
 * Runs raw SQL and returns its rows on either driver: postgres.js answers with an array of rows,
 * PGlite with `{ rows }`. Prefer the query builder; use this for statements it cannot express.
 */
export async function queryRows<Row extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as Row[];
  const rows = (result as { rows?: unknown }).rows;
  if (Array.isArray(rows)) return rows as Row[];
  throw new Error("Unexpected result shape from db.execute()");
}
