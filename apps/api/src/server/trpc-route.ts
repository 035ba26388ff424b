import {
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type inferRouterContext,
  transformTRPCResponse,
} from "@trpc/server";
import { getHTTPStatusCode, resolveResponse } from "@trpc/server/http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** The only request headers tRPC's resolver reads (content type, streaming accept, SSE resume). */
const FORWARDED_HEADERS = ["content-type", "accept", "trpc-accept", "last-event-id"] as const;

export interface TrpcRouteOptions<TRouter extends AnyTRPCRouter> {
  prefix: string;
  router: TRouter;
  maxBatchSize: number;
  createContext: (request: FastifyRequest, reply: FastifyReply) => Promise<inferRouterContext<TRouter>>;
}

/**
 * tRPC's own resolver (batching, method rules, error shapes, streaming) behind a Fastify route, without
 * the stock adapter's conversions: it copied every header into a fetch `Request` and sent the answer as a
 * web stream (chunked, several writes). Here the Request carries only what the resolver reads, and a JSON
 * answer leaves as one string with its length; anything streamed is still sent as the stream it is.
 * Registered in its own plugin scope, so the JSON body stays a string (tRPC parses it) only under tRPC.
 */
export async function registerTrpcRoute<TRouter extends AnyTRPCRouter>(
  app: FastifyInstance,
  options: TrpcRouteOptions<TRouter>,
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
      done(null, body);
    });
    scope.all(`${options.prefix}/:path`, async (request, reply) => {
      const path = (request.params as { path: string }).path;
      const queries = request.method === "GET" ? plainQueries(options, request, path) : null;
      if (queries) {
        const context = await createContextOrError(options, request, reply);
        const results = await Promise.all(
          queries.calls.map((call) => runQuery(options.router, call, context)),
        );
        const config = options.router._def._config;
        const body = queries.batch ? results : results[0];
        reply.code(getHTTPStatusCode(results as never));
        reply.header("vary", "trpc-accept, accept").header("content-type", "application/json");
        return reply.send(JSON.stringify(transformTRPCResponse(config, body as never)));
      }
      const response = await resolveResponse({
        router: options.router,
        req: toFetchRequest(request),
        path,
        maxBatchSize: options.maxBatchSize,
        error: null,
        createContext: () => options.createContext(request, reply),
      });
      reply.code(response.status);
      for (const [name, value] of response.headers) reply.header(name, value);
      if (response.body === null) return reply.send();
      if (response.headers.get("content-type") === "application/json")
        return reply.send(await response.text());
      return reply.send(response.body);
    });
  });
}

interface QueryCall {
  path: string;
  procedure: AnyTRPCProcedure;
  input: unknown;
  batchIndex: number;
}

/**
 * The common case, answered without building fetch objects: a GET of known queries (one, or a batch
 * within the cap) with well-formed JSON input and no streaming asked for. Anything else (mutations, an
 * unknown path, malformed input, jsonl) goes through tRPC's resolver, which words every refusal.
 */
function plainQueries<TRouter extends AnyTRPCRouter>(
  options: TrpcRouteOptions<TRouter>,
  request: FastifyRequest,
  path: string,
): { batch: boolean; calls: QueryCall[] } | null {
  if (request.headers["trpc-accept"] !== undefined || request.headers.accept === "application/jsonl")
    return null;
  const query = request.query as Record<string, unknown>;
  // A repeated parameter is read differently by tRPC (its first value): left to tRPC.
  if (Array.isArray(query.batch) || Array.isArray(query.input)) return null;
  const batch = query.batch === "1";
  const paths = batch ? path.split(",") : [path];
  if (paths.length > options.maxBatchSize) return null;
  let inputs: unknown;
  try {
    inputs = typeof query.input === "string" && query.input !== "" ? JSON.parse(query.input) : undefined;
  } catch {
    return null;
  }
  if (
    batch &&
    inputs !== undefined &&
    (typeof inputs !== "object" || inputs === null || Array.isArray(inputs))
  )
    return null;
  // As tRPC's resolver does: the router's transformer turns the wire form back into the input.
  const { transformer } = options.router._def._config;
  const procedures = options.router._def.procedures as Record<string, AnyTRPCProcedure | undefined>;
  const calls: QueryCall[] = [];
  for (const [batchIndex, name] of paths.entries()) {
    const procedure = Object.hasOwn(procedures, name) ? procedures[name] : undefined;
    if (procedure?._def.type !== "query") return null;
    const raw = batch ? (inputs as Record<string, unknown> | undefined)?.[batchIndex] : inputs;
    const input = raw === undefined ? undefined : transformer.input.deserialize(raw);
    calls.push({ path: name, procedure, input, batchIndex });
  }
  return { batch, calls };
}

/** A context that failed to build fails every call of the request, as tRPC's resolver has it. */
async function createContextOrError<TRouter extends AnyTRPCRouter>(
  options: TrpcRouteOptions<TRouter>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ ok: true; ctx: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, ctx: await options.createContext(request, reply) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Nothing aborts a plain query: the signal procedures receive is one that never fires. */
const NEVER_ABORTED = new AbortController().signal;

async function runQuery(
  router: AnyTRPCRouter,
  call: QueryCall,
  context: { ok: true; ctx: unknown } | { ok: false; error: unknown },
): Promise<{ result: { data: unknown } } | { error: unknown }> {
  try {
    if (!context.ok) throw context.error;
    const data = await call.procedure({
      path: call.path,
      getRawInput: async () => call.input,
      ctx: context.ctx,
      type: "query",
      signal: NEVER_ABORTED,
      batchIndex: call.batchIndex,
    });
    return { result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    return {
      error: getTRPCErrorShape({
        config: router._def._config,
        error,
        type: "query",
        path: call.path,
        input: call.input,
        ctx: context.ok ? context.ctx : undefined,
      }),
    };
  }
}

function toFetchRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  // The resolver reads only the query string from the URL; the Host header plays no part in it.
  const url = `http://localhost${request.url}`;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const body = hasBody && typeof request.body === "string" ? request.body : undefined;
  return new Request(url, { method: request.method, headers, ...(body !== undefined ? { body } : {}) });
}
