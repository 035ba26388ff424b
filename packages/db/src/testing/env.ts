/** Tests run on PGlite unless DATABASE_URL names a PostgreSQL server (CONTRIBUTING.md). */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && url.length > 0 ? url : undefined;
}
