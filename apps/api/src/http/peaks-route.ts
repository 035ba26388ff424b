import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../trpc/context.js";
import { loadListenTarget } from "./load-listen-target.js";
import { sendError } from "./send-error.js";

export const PEAKS_PATH = "/media/recordings/:id/peaks";

/** The precomputed waveform (min/max per bucket), under the same rule as the audio itself. */
export function registerPeaksRoute(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { id: string } }>(PEAKS_PATH, async (request, reply) => {
    try {
      const { recording } = await loadListenTarget(request, deps, request.params.id, "recording.listen");
      const data = recording.peaks ?? [];
      return reply
        .header("cache-control", "no-store")
        .send({ version: 1, buckets: data.length / 2, data, durationMs: recording.durationMs });
    } catch (error) {
      return sendError(request, reply, error);
    }
  });
}
