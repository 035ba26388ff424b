// One migrated template per run (a PostgreSQL template database, or a PGlite data directory dump), copied
// by every createTestDb() (@kuulo/db/testing).
export { setupTestTemplateDatabase as default } from "@kuulo/db/testing";
