import type { ServiceContext } from "../services/shared/service-context.js";

export {
  type AppDeps,
  type Clock,
  type RequestInfo,
  type SessionCookieWriter,
  systemClock,
} from "../services/shared/service-context.js";

/** tRPC's context is the transport-neutral service context (services/shared/service-context.ts). */
export type Context = ServiceContext;
