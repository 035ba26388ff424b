import { sql } from "drizzle-orm";
import { queryRows } from "../client/query-rows.js";
import type { Database } from "../client/types.js";

/**
 * Kuulo's tables the connected role owns (or could alter as a superuser). An owner can
 * `ALTER TABLE audit_events DISABLE TRIGGER` and rewrite the log, so the API should own none.
 */
export async function tablesOwnedByCurrentRole(db: Database): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and (pg_has_role(current_user, c.relowner, 'USAGE')
               or (select rolsuper from pg_roles where rolname = current_user))
        order by c.relname`,
  );
  return rows.map((row) => row.table_name);
}
