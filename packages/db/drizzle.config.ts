import { defineConfig } from "drizzle-kit";

// Generation only compares the schema files with migrations/meta; it never connects to a database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
  strict: true,
  verbose: true,
});
