import { initTRPC, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { registerTrpcRoute } from "./trpc-route.js";

// A transformer that is not the identity, so a route that skipped it would hand the procedure the wire form.
const t = initTRPC.create({
  isDev: false,
  transformer: {
    input: { serialize: (value) => ({ wrapped: value }), deserialize: (value) => value?.wrapped },
    output: { serialize: (value) => ({ wrapped: value }), deserialize: (value) => value?.wrapped },
  },
});
const router = t.router({
  echo: t.procedure.input(z.object({ name: z.string() })).query(({ input }) => `hello ${input.name}`),
  none: t.procedure.query(() => "no input"),
  missing: t.procedure.query(() => {
    throw new TRPCError({ code: "NOT_FOUND", message: "No such thing." });
  }),
  change: t.procedure.input(z.object({ name: z.string() })).mutation(({ input }) => `changed ${input.name}`),
});

const app = Fastify();
beforeAll(async () => {
  await registerTrpcRoute(app, {
    prefix: "/trpc",
    router,
    maxBatchSize: 10,
    createContext: async () => ({}),
  });
  await app.ready();
});
afterAll(() => app.close());

const wire = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** The same request through this route and through tRPC's own fetch adapter. */
async function both(method: "GET" | "POST", url: string, body?: unknown) {
  const ours = await app.inject({
    method,
    url,
    ...(body !== undefined
      ? { payload: JSON.stringify(body), headers: { "content-type": "application/json" } }
      : {}),
  });
  const theirs = await fetchRequestHandler({
    endpoint: "/trpc",
    router,
    createContext: async () => ({}),
    req: new Request(`http://localhost${url}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } }
        : {}),
    }),
  });
  return {
    ours: { status: ours.statusCode, body: JSON.parse(ours.body) as unknown },
    theirs: { status: theirs.status, body: JSON.parse(await theirs.text()) as unknown },
  };
}

describe("the tRPC route answers as tRPC's own adapter does", () => {
  it.each([
    ["a query with input", `/trpc/echo?input=${wire({ wrapped: { name: "Anna" } })}`],
    ["a query without input", "/trpc/none"],
    ["a batch of queries", `/trpc/echo,none?batch=1&input=${wire({ 0: { wrapped: { name: "Mikko" } } })}`],
    ["a query that refuses", "/trpc/missing"],
    ["a batch with a refusal in it", `/trpc/none,missing?batch=1&input=${wire({})}`],
    ["input that fails validation", `/trpc/echo?input=${wire({ wrapped: { name: 3 } })}`],
    ["malformed input", "/trpc/echo?input=%7Bnot-json"],
    ["an unknown procedure", "/trpc/nothing"],
    ["a mutation asked for with GET", `/trpc/change?input=${wire({ wrapped: { name: "x" } })}`],
  ])("%s", async (_case, url) => {
    const { ours, theirs } = await both("GET", url);
    expect(ours).toEqual(theirs);
  });

  it("a query's input reaches the procedure through the router's transformer", async () => {
    const { ours } = await both("GET", `/trpc/echo?input=${wire({ wrapped: { name: "Anna" } })}`);
    expect(ours).toEqual({ status: 200, body: { result: { data: { wrapped: "hello Anna" } } } });
  });

  it("a mutation", async () => {
    const { ours, theirs } = await both("POST", "/trpc/change", { wrapped: { name: "Eero" } });
    expect(ours).toEqual(theirs);
    expect(ours.status).toBe(200);
  });
});
