export { createEmptyPostgresDatabase } from "./create-empty-database.js";
export { createTestDb, type TestDb } from "./create-test-db.js";
export { testDatabaseUrl } from "./env.js";
export { openAnotherInstance } from "./open-another-instance.js";
export { setupTestTemplateDatabase } from "./setup-test-template-database.js";
