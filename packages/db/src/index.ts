export * from "./audit/index.js";
export * from "./client/index.js";
export * from "./migrate/index.js";
export * from "./queries/index.js";
export * from "./schema/index.js";
