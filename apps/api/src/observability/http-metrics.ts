import { pipeline, Transform } from "node:stream";
import type { FastifyInstance } from "fastify";
import { AUDIO_PATH } from "../http/audio-route.js";
import { INGEST_PATH } from "../http/ingest-route.js";
import { metrics } from "./metrics.js";

function isReadable(payload: unknown): payload is NodeJS.ReadableStream {
  return typeof (payload as { pipe?: unknown } | null)?.pipe === "function";
}

/** The procedures of a tRPC path (`/trpc/a.b,c.d?batch=1`); names the router does not know become "unknown". */
export function trpcProcedures(url: string, known: ReadonlySet<string>): string[] {
  const path = url.split("?")[0]?.slice("/trpc/".length) ?? "";
  return path.split(",").map((name) => (known.has(name) ? name : "unknown"));
}

/**
 * Request durations per route pattern (never a concrete URL, so ids never become labels) and per tRPC
 * procedure, responses by status, ingest durations, and audio streams in flight with their bytes.
 */
export function registerHttpMetrics(app: FastifyInstance, procedures: ReadonlySet<string>): void {
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    const status = String(reply.statusCode);
    const elapsed = reply.elapsedTime / 1000;
    metrics.httpDuration.observe({ route, method: request.method, status }, elapsed);
    metrics.httpResponses.inc({ route, status });
    if (route.startsWith("/trpc/")) {
      for (const procedure of trpcProcedures(request.url, procedures)) {
        metrics.trpcDuration.observe({ procedure, status }, elapsed);
      }
    }
    if (route === INGEST_PATH) metrics.ingestDuration.observe({ status }, elapsed);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (request.routeOptions.url !== AUDIO_PATH) return payload;
    // Bodies up to 1 MiB (ranges, short calls) are written past Fastify's send pipeline (audio-route.ts
    // writeBody, which counts their bytes) and never reach this hook; it sees the streamed bodies (counted
    // here as they leave) and the refusals (not audio).
    if (!isReadable(payload)) return payload;
    metrics.streamsInFlight.inc();
    reply.raw.once("close", () => metrics.streamsInFlight.dec());
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        metrics.audioBytesServed.inc(chunk.length);
        done(null, chunk);
      },
    });
    pipeline(payload, counter, () => {});
    return counter;
  });
}
