import type { ProcedureAccess } from "@kuulo/domain/access";
import { initTRPC } from "@trpc/server";
import type { Context } from "./context.js";
import { domainShapeOf, toTRPCError } from "./error-mapper.js";

// ---------------------------------------------------------------------------------------------------
// init: one error formatter; stack traces never leave the server (isDev false).
// ---------------------------------------------------------------------------------------------------

export interface ProcedureMeta {
  /** The permission the procedure requires, or "public". A test fails when a procedure has none. */
  access: ProcedureAccess;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    isDev: false,
    errorFormatter({ shape, error }) {
      const domain = domainShapeOf(error);
      return {
        code: shape.code,
        message: domain.message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, domain },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

// ---------------------------------------------------------------------------------------------------
// error mapping: every thrown thing becomes a DomainError-backed TRPCError; unknown ones are logged.
// ---------------------------------------------------------------------------------------------------

const mapErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const { trpc, unexpected } = toTRPCError(result.error);
  if (unexpected)
    ctx.log.error({ err: result.error.cause ?? result.error, path }, "unexpected error in procedure");
  throw trpc;
});

export const baseProcedure = t.procedure.use(mapErrors);
