/** @kuulo/domain: the Kuulo call-recording register as code. Each concern is also its own subpath export. */
export * from "./access/index.js";
export * from "./audit/index.js";
export * from "./credentials/index.js";
export * from "./disclosure/index.js";
export * from "./errors/index.js";
export * from "./eu-eea/index.js";
export * from "./inbox/index.js";
export * from "./privacy/index.js";
export * from "./quality/index.js";
export * from "./recording/index.js";
export * from "./register/index.js";
export * from "./retention/index.js";
