import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb } from "../client/create-db.js";
import { migrateDb } from "../migrate/migrate-db.js";
import { testRoles } from "./env.js";
import { databaseUrlAs, ensureRole } from "./test-roles.js";

/**
 * A migrated database on the server of `serverUrl`, as createTestDb would make one (owned by the owner
 * role, data access granted to the runtime role), closed to connections so that test databases can be
 * copied from it. drop() removes it.
 */
export async function createTemplateDatabase(
  serverUrl: string,
): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `kuulo_test_template_${randomBytes(6).toString("hex")}`;
  const roles = testRoles();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const drop = async () => {
    await admin.unsafe(`alter database "${name}" with is_template false`).catch(() => {});
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  try {
    await ensureRole(admin, roles.owner);
    await ensureRole(admin, roles.runtime);
    await admin.unsafe(`create database "${name}" owner "${roles.owner}"`);
    const kuuloDb = await createDb({ databaseUrl: databaseUrlAs(serverUrl, name, roles.runtime) });
    try {
      await migrateDb(kuuloDb, {
        ownerUrl: databaseUrlAs(serverUrl, name, roles.owner),
        grantTo: roles.runtime,
      });
    } finally {
      await kuuloDb.close();
    }
    await admin.unsafe(`alter database "${name}" with is_template true allow_connections false`);
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name}`;
    return { name, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
