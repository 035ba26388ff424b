export { createDb } from "./create-db.js";
export { fixedStatement } from "./fixed-statement.js";
export { queryRows } from "./query-rows.js";
export type { CreateDbOptions, Database, DbOrTx, Driver, KuuloDb, Schema, Transaction } from "./types.js";
