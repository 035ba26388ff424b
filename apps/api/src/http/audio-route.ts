import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import { audioRepresentation } from "../services/recordings/audio-representation.js";
import { loadListenTarget, recordListen } from "../services/recordings/listen-target.js";
import type { RecordingStorage } from "../services/recordings/recording-storage.js";
import type { AppDeps } from "../trpc/context.js";
import { listenContext, listenInput } from "./listen-request.js";
import { parseByteRange } from "./parse-byte-range.js";
import { sendError } from "./send-error.js";
export const AUDIO_PATH = "/media/recordings/:id/audio";

/** R8: inline only, never cached, never sniffed into something else. */
function audioHeaders(reply: FastifyReply, size: number) {
  return reply
    .header("content-type", "audio/webm")
    .header("accept-ranges", "bytes")
    .header("content-disposition", "inline")
    .header("cache-control", "no-store")
    .header("x-content-type-options", "nosniff")
    .header("content-length", String(size));
}

/**
 * Streams a recording to an authorised session (R8, R10) with HTTP Range over what this listener may
 * have: the whole stored file, or for a clip-only listener the WebM of the clip. The listen is audited (once per listening session) before any audio leaves (R14).
 */
export function registerAudioRoute(app: FastifyInstance, deps: AppDeps, storage: RecordingStorage) {
  app.get<{ Params: { id: string } }>(AUDIO_PATH, async (request, reply) => {
    try {
      const ctx = await listenContext(request, deps);
      const target = await loadListenTarget({ ctx, input: listenInput(request) });
      const audio = await audioRepresentation(storage, target);
      const size = audio.size;
      const range = parseByteRange(request.headers.range, size);
      if (range.kind === "unsatisfiable") {
        return reply
          .code(416)
          .header("content-range", `bytes */${size}`)
          .header("cache-control", "no-store")
          .send({
            code: "VALIDATION",
            message: `Range ${request.headers.range} is outside the ${size}-byte recording`,
            field: "range",
            reason: "range.unsatisfiable",
          });
      }
      await recordListen({ ctx, target });
      const [start, end] = range.kind === "partial" ? [range.start, range.end] : [0, size - 1];
      const body = Readable.from(audio.read(start, end));
      audioHeaders(reply, end - start + 1);
      if (range.kind === "partial") reply.code(206).header("content-range", `bytes ${start}-${end}/${size}`);
      return reply.send(body);
    } catch (error) {
      return sendError(request, reply, error);
    }
  });
}
