export {
  MIGRATION_LOCK_KEY,
  MIGRATIONS_FOLDER,
  type MigrateOptions,
  migrateDb,
  roleOfUrl,
} from "./migrate-db.js";
export { tablesOwnedByCurrentRole } from "./tables-owned.js";
