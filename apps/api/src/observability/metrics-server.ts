import Fastify, { type FastifyInstance } from "fastify";
import { registry } from "./metrics.js";

/**
 * GET /metrics on its own listener (KUULO_METRICS_HOST:KUULO_METRICS_PORT, loopback by default), never on
 * the public port: nginx does not proxy it and the R12 allowlist does not need an exception for Prometheus.
 */
export async function startMetricsServer(options: { host: string; port: number }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get("/metrics", async (_request, reply) =>
    reply.header("content-type", registry.contentType).send(await registry.metrics()),
  );
  app.setNotFoundHandler((_request, reply) => reply.code(404).send("see /metrics\n"));
  await app.listen({ host: options.host, port: options.port });
  return app;
}
