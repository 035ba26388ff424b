import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { metrics } from "../observability/metrics.js";
import {
  type AudioRepresentation,
  audioRepresentation,
} from "../services/recordings/audio-representation.js";
import { readListenFreshness } from "../services/recordings/listen-freshness.js";
import { loadListenTarget, recordListen } from "../services/recordings/listen-target.js";
import type { RecordingStorage } from "../services/recordings/recording-storage.js";
import type { AppDeps } from "../trpc/context.js";
import { ListenCache, type ListenEntry, type ListenLookup } from "./listen-cache.js";
import { isUuid, listenContext, listenInput } from "./listen-request.js";
import { parseByteRange } from "./parse-byte-range.js";
import { sendError } from "./send-error.js";
import { startStreamTimer } from "./stream-timing.js";

export const AUDIO_PATH = "/media/recordings/:id/audio";

/** Bodies up to this size (a player's Range requests, a short call) go out as one buffer, not a stream. */
const BUFFERED_BODY_BYTES = 1024 * 1024;

async function collect(pieces: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const piece of pieces) parts.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}

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

function sendUnsatisfiable(request: FastifyRequest, reply: FastifyReply, size: number) {
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

/**
 * Streams a recording to an authorised session (R8, R10) with HTTP Range over what this listener may
 * have: the whole stored file, or for a clip-only listener the WebM of the clip. The listen is audited
 * (once per listening session) before any audio leaves (R14).
 *
 * Every request reads the auth epoch, the recording's row and its playlist digest in one query and checks
 * the session. A listening session's later Range requests then use what its first request decided (the
 * access module's answer, the audit row, and the opened object with its data key or the cut clip) from this
 * instance's ListenCache, which refuses an entry as soon as anything it rests on has changed.
 */
export function registerAudioRoute(app: FastifyInstance, deps: AppDeps, storage: RecordingStorage) {
  const cache = new ListenCache();
  app.addHook("onClose", async () => cache.clear());

  app.get<{ Params: { id: string } }>(AUDIO_PATH, async (request, reply) => {
    const timing = startStreamTimer();
    const timer = timing?.timer;
    try {
      const freshness = isUuid(request.params.id)
        ? await readListenFreshness(deps.db, request.params.id)
        : null;
      timer?.lap("freshness");
      const ctx = await listenContext(request, deps, freshness?.epoch);
      const input = listenInput(request);
      timer?.lap("session");
      const lookup: ListenLookup | null =
        freshness && !timing?.bypassListenCache
          ? {
              sessionId: ctx.auth.session.id,
              input,
              actorKey: JSON.stringify(ctx.auth.actor),
              freshness,
              nowMs: ctx.clock.now().getTime(),
            }
          : null;

      let entry: ListenEntry | null = lookup ? cache.acquire(lookup) : null;
      metrics.listenFastPath.inc({ result: entry ? "hit" : "miss" });
      let audio: AudioRepresentation;
      if (entry) {
        audio = entry.audio;
        if (timer) timer.path = "fast";
      } else {
        const target = await loadListenTarget({ ctx, input });
        timer?.lap("decision");
        audio = await audioRepresentation(storage, target);
        timer?.lap("open");
        if (parseByteRange(request.headers.range, audio.size).kind === "unsatisfiable") {
          audio.close();
          return sendUnsatisfiable(request, reply, audio.size);
        }
        let recorded: Awaited<ReturnType<typeof recordListen>>;
        try {
          recorded = await recordListen({ ctx, target });
        } catch (error) {
          audio.close();
          throw error;
        }
        timer?.lap("audit");
        entry = lookup ? cache.keep(lookup, target, audio, recorded.coveredUntil) : null;
      }

      const size = audio.size;
      const range = parseByteRange(request.headers.range, size);
      const [start, end] = range.kind === "partial" ? [range.start, range.end] : [0, size - 1];
      const held = entry;
      const owned = held ? null : audio;
      // The data key is zeroed only when no response still reads with it (also on an aborted download).
      reply.raw.once("close", () => {
        if (held) cache.release(held);
        owned?.close();
        timing?.timer.finish(reply.statusCode, end - start + 1, timing.collector);
      });
      if (range.kind === "unsatisfiable") return sendUnsatisfiable(request, reply, size);
      timer?.bodyStarts();
      const length = end - start + 1;
      const pieces = audio.read(start, end, timer);
      const body = length <= BUFFERED_BODY_BYTES ? await collect(pieces) : Readable.from(pieces);
      audioHeaders(reply, length);
      if (range.kind === "partial") reply.code(206).header("content-range", `bytes ${start}-${end}/${size}`);
      return reply.send(body);
    } catch (error) {
      return sendError(request, reply, error);
    }
  });
}
