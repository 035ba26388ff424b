import type postgres from "postgres";

/** CREATE ROLE if missing; concurrent test workers may race, so "already exists" is fine. */
export async function ensureRole(admin: postgres.Sql, role: string): Promise<void> {
  await admin.unsafe(
    `do $$ begin create role "${role}" login; exception when duplicate_object or unique_violation then null; end $$`,
  );
}

/** The URL of database `name` on the server of `serverUrl`, signing in as `role` (trust, no password). */
export function databaseUrlAs(serverUrl: string, name: string, role: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  url.username = role;
  url.password = "";
  return url.toString();
}
