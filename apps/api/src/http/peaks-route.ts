import type { FastifyInstance } from "fastify";
import { recordingPeaks } from "../services/recordings/peaks.js";
import type { AppDeps } from "../trpc/context.js";
import { listenContext, listenInput } from "./listen-request.js";
import { sendError } from "./send-error.js";

export const PEAKS_PATH = "/media/recordings/:id/peaks";

/** The precomputed waveform (min/max per bucket), under the same rule as the audio itself. */
export function registerPeaksRoute(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { id: string } }>(PEAKS_PATH, async (request, reply) => {
    try {
      const peaks = await recordingPeaks({
        ctx: await listenContext(request, deps),
        input: listenInput(request),
      });
      return reply.header("cache-control", "no-store").send(peaks);
    } catch (error) {
      return sendError(request, reply, error);
    }
  });
}
