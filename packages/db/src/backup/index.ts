export { type DatabaseDump, type DumpFormat, dumpDatabase } from "./dump-database.js";
export { isRestoreTargetEmpty, type RestoreTarget, restoreDatabase } from "./restore-database.js";
