import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { e2eEnv } from "./env.js";

/**
 * A new PostgreSQL database on the server of `baseUrl`, dropped again by `drop()`: empty, or a copy of
 * the database `template` (which nobody may be connected to). Like @kuulo/db's createTestDb, it belongs
 * to an owner role that migrates (`ownerUrl`, for KUULO_MIGRATION_DATABASE_URL) while the API connects
 * as a runtime role that owns nothing (`url`).
 */
export async function createFreshDatabase(
  baseUrl: string,
  template?: string,
): Promise<{ name: string; url: string; ownerUrl: string; drop(): Promise<void> }> {
  const name = `kuulo_e2e_${randomBytes(6).toString("hex")}`;
  const { owner, runtime } = e2eEnv.roles;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    for (const role of [owner, runtime]) {
      await admin.unsafe(
        `do $$ begin create role "${role}" login; exception when duplicate_object or unique_violation then null; end $$`,
      );
    }
    await admin.unsafe(
      `create database ${name}${template ? ` template "${template}"` : ""} owner "${owner}"`,
    );
  } finally {
    await admin.end();
  }
  const urlAs = (role: string) => {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    url.username = role;
    url.password = "";
    return url.toString();
  };
  return {
    name,
    url: urlAs(runtime),
    ownerUrl: urlAs(owner),
    async drop() {
      const sql = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}
