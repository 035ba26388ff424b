import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./routers/app-router.js";

/** The API's public surface for the SPAs: types only, no server code is pulled into a browser bundle. */
export type { AppRouter } from "./routers/app-router.js";
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type { DomainErrorShape, ErrorCode } from "@kuulo/domain/errors";
