import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** A new, empty PostgreSQL database on the server of `baseUrl`, dropped again by `drop()`. */
export async function createFreshDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kuulo_e2e_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
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
