export { MIGRATION_LOCK_KEY, MIGRATIONS_FOLDER, migrateDb } from "./migrate-db.js";
