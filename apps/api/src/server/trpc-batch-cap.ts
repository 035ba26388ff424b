import type { FastifyInstance } from "fastify";

/**
 * One HTTP request may carry at most `max` tRPC calls: an unbounded batch would let one request run
 * hundreds of audited procedures (and their database work) at once. Counted on the router's decoded
 * `:path` param, exactly what tRPC splits, and refused before any call runs. tRPC's own maxBatchSize
 * is set to the same number as a backstop.
 */
export function registerTrpcBatchCap(app: FastifyInstance, max: number) {
  app.addHook("onRequest", async (request, reply) => {
    if (request.routeOptions.url !== "/trpc/:path") return;
    const query = request.query as Record<string, unknown> | undefined;
    if (query?.batch !== "1") return;
    const path = (request.params as { path?: string } | undefined)?.path ?? "";
    const calls = path.split(",").length;
    if (calls <= max) return;
    return reply
      .code(400)
      .header("cache-control", "no-store")
      .send({
        code: "VALIDATION",
        reason: "batch.too_large",
        message: `A batch may carry at most ${max} calls; this one has ${calls}. Send fewer calls per request.`,
      });
  });
}
