import type { OutgoingHttpHeaders } from "node:http";
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { metrics } from "../observability/metrics.js";
import {
  type AudioRepresentation,
  audioRepresentation,
  KeptPlaintextBudget,
} from "../services/recordings/audio-representation.js";
import { readListenFreshness } from "../services/recordings/listen-freshness.js";
import { loadListenTarget, recordListen } from "../services/recordings/listen-target.js";
import type { RecordingStorage } from "../services/recordings/recording-storage.js";
import type { AppDeps } from "../trpc/context.js";
import { ListenCache, type ListenEntry, type ListenLookup, SWEEP_EVERY_MS } from "./listen-cache.js";
import { claimedSessionId, isUuid, listenContext, listenInput, listenInputOrNull } from "./listen-request.js";
import { parseByteRange } from "./parse-byte-range.js";
import { sendError } from "./send-error.js";
import { type StreamTimer, startStreamTimer } from "./stream-timing.js";

export const AUDIO_PATH = "/media/recordings/:id/audio";

/** Bodies up to this size (a player's Range requests, a short call) go out in one write, not a stream. */
const BUFFERED_BODY_BYTES = 1024 * 1024;

/**
 * A body read and decrypted with what this listening session kept, started before the request's
 * freshness query and session check have answered. Nothing of it is sent unless the kept entry is then
 * confirmed; otherwise its pieces are zeroed. Never rejects: a failed read is its error.
 */
interface ReadAhead {
  entry: ListenEntry;
  start: number;
  end: number;
  pieces: Promise<Buffer[] | Error>;
}

function readAhead(
  cache: ListenCache,
  request: FastifyRequest<{ Params: { id: string } }>,
  deps: AppDeps,
  timer: StreamTimer | undefined,
): ReadAhead | null {
  const sessionId = claimedSessionId(request, deps);
  const input = sessionId ? listenInputOrNull(request) : null;
  const entry = sessionId && input ? cache.hold(sessionId, input) : null;
  if (!entry) return null;
  const size = entry.audio.size;
  const range = parseByteRange(request.headers.range, size);
  const [start, end] = range.kind === "partial" ? [range.start, range.end] : [0, size - 1];
  if (range.kind === "unsatisfiable" || end - start + 1 > BUFFERED_BODY_BYTES) {
    cache.release(entry);
    return null;
  }
  const pieces = entry.audio
    .readPieces(start, end, timer)
    .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  return { entry, start, end, pieces };
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

/**
 * A body already read and decrypted goes out in one write: the head and the pieces together (a writev, no
 * join), past Fastify's send pipeline; the headers set so far (security headers, request id) go with it.
 */
function writeBody(
  reply: FastifyReply,
  range: { partial: boolean; start: number; end: number; size: number },
  pieces: Buffer[],
) {
  const length = range.end - range.start + 1;
  // Fastify types values as string | number | string[]; node:http accepts each.
  const headers = reply.getHeaders() as OutgoingHttpHeaders;
  headers["content-type"] = "audio/webm";
  headers["accept-ranges"] = "bytes";
  headers["content-disposition"] = "inline";
  headers["cache-control"] = "no-store";
  headers["x-content-type-options"] = "nosniff";
  headers["content-length"] = length;
  if (range.partial) headers["content-range"] = `bytes ${range.start}-${range.end}/${range.size}`;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(range.partial ? 206 : 200, headers);
  if (pieces.length === 1) res.end(pieces[0]);
  else {
    res.cork();
    for (const piece of pieces) res.write(piece);
    res.end();
  }
  metrics.audioBytesServed.inc(length);
  return reply;
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
 * instance's ListenCache, which refuses an entry as soon as anything it rests on has changed. So that the
 * freshness round trip is not added to the read, such a request reads and decrypts its range with the kept
 * entry while that query runs, and sends it only once the entry is confirmed.
 */
export function registerAudioRoute(app: FastifyInstance, deps: AppDeps, storage: RecordingStorage) {
  const cache = new ListenCache();
  const keptPlaintext = new KeptPlaintextBudget(deps.config.operations.audioKeptPlaintextBytes);
  const sweeper = setInterval(() => cache.sweep(deps.clock.now().getTime()), SWEEP_EVERY_MS).unref();
  app.addHook("onClose", async () => {
    clearInterval(sweeper);
    cache.clear();
  });

  app.get<{ Params: { id: string } }>(AUDIO_PATH, async (request, reply) => {
    const timing = startStreamTimer();
    const timer = timing?.timer;
    let ahead: ReadAhead | null = null;
    let aheadTaken = false;
    let aheadSent = false;
    try {
      const uuid = isUuid(request.params.id);
      if (uuid && !timing?.bypassListenCache) {
        ahead = readAhead(cache, request, deps, timer);
        if (ahead) {
          const { entry, pieces } = ahead;
          // The key is zeroed (if the entry was dropped) only once the read ahead no longer uses it.
          reply.raw.once("close", () => void pieces.then(() => cache.release(entry)));
        }
      }
      const freshness = uuid ? await readListenFreshness(deps.db, request.params.id) : null;
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

      let entry: ListenEntry | null = null;
      if (ahead && lookup && cache.confirm(ahead.entry, lookup)) {
        entry = ahead.entry;
        aheadTaken = true;
      } else if (lookup) {
        entry = cache.acquire(lookup);
        const held = entry;
        if (held) reply.raw.once("close", () => cache.release(held));
      }
      metrics.listenFastPath.inc({ result: entry ? "hit" : "miss" });
      let audio: AudioRepresentation;
      if (entry) {
        audio = entry.audio;
        if (timer) timer.path = "fast";
      } else {
        const target = await loadListenTarget({ ctx, input });
        timer?.lap("decision");
        audio = await audioRepresentation(storage, target, keptPlaintext);
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
        const kept = entry;
        // The data key is zeroed only when no response still reads with it (also on an aborted download).
        if (kept) reply.raw.once("close", () => cache.release(kept));
        else reply.raw.once("close", () => audio.close());
      }

      const size = audio.size;
      const range = parseByteRange(request.headers.range, size);
      const [start, end] = range.kind === "partial" ? [range.start, range.end] : [0, size - 1];
      if (timing)
        reply.raw.once("close", () =>
          timing.timer.finish(reply.statusCode, end - start + 1, timing.collector),
        );
      if (range.kind === "unsatisfiable") return sendUnsatisfiable(request, reply, size);
      timer?.bodyStarts();
      const length = end - start + 1;
      if (length <= BUFFERED_BODY_BYTES) {
        aheadSent = aheadTaken && ahead?.start === start && ahead.end === end;
        const read = aheadSent && ahead ? await ahead.pieces : await audio.readPieces(start, end, timer);
        if (read instanceof Error) throw read;
        return writeBody(reply, { partial: range.kind === "partial", start, end, size }, read);
      }
      audioHeaders(reply, length);
      if (range.kind === "partial") reply.code(206).header("content-range", `bytes ${start}-${end}/${size}`);
      return reply.send(Readable.from(audio.read(start, end, timer)));
    } catch (error) {
      return sendError(request, reply, error);
    } finally {
      if (ahead && !aheadSent) {
        const { entry } = ahead;
        void ahead.pieces.then((read) => {
          if (!(read instanceof Error)) entry.audio.discard(read);
        });
      }
    }
  });
}
