// On PostgreSQL: one migrated template database per run, copied by every createTestDb() (@kuulo/db/testing).
export { setupTestTemplateDatabase as default } from "@kuulo/db/testing";
