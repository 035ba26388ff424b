import { Readable } from "node:stream";
import { validationError } from "@kuulo/domain/errors";
import type { FastifyInstance, FastifyReply } from "fastify";
import { recordListeningSession } from "../recordings/record-listening-session.js";
import { playlistContainsRecording } from "../recordings/recording-relations.js";
import type { RecordingStorage } from "../recordings/recording-storage.js";
import { disclosureGrantingListen } from "../services/disclosures/disclosure-granting-listen.js";
import type { AppDeps } from "../trpc/context.js";
import { isUuid, loadListenTarget } from "./load-listen-target.js";
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

async function playlistParam(deps: AppDeps, query: unknown, recordingId: string): Promise<string | null> {
  const value = (query as Record<string, unknown> | undefined)?.playlist;
  if (value === undefined || value === "") return null;
  if (!isUuid(value)) throw validationError("playlist", "playlist must be a playlist id (uuid)");
  if (!(await playlistContainsRecording(deps.db, value, recordingId))) {
    throw validationError("playlist", "This playlist does not contain the recording");
  }
  return value;
}

/**
 * Streams a recording to an authorised session (R8, R10) with HTTP Range, decrypting only the chunks
 * the range needs. The listen is audited (once per listening session) before any audio leaves (R14).
 */
export function registerAudioRoute(app: FastifyInstance, deps: AppDeps, storage: RecordingStorage) {
  app.get<{ Params: { id: string } }>(AUDIO_PATH, async (request, reply) => {
    try {
      const grant = await loadListenTarget(request, deps, request.params.id, "recording.listen");
      const { recording } = grant;
      const playlistId = await playlistParam(deps, request.query, recording.id);
      const size = recording.storedSizeBytes;
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
      await recordListeningSession(deps.db, {
        userId: grant.auth.user.id,
        username: grant.auth.user.username,
        sessionId: grant.auth.session.id,
        recordingId: recording.id,
        unitId: recording.unitId,
        via: grant.via,
        playlistId,
        disclosureId:
          grant.via === "disclosed"
            ? await disclosureGrantingListen(deps.db, {
                userId: grant.auth.user.id,
                recordingId: recording.id,
                now: deps.clock.now(),
              })
            : null,
        ip: request.clientIp,
        now: deps.clock.now(),
      });
      const [start, end] = range.kind === "partial" ? [range.start, range.end] : [0, size - 1];
      const body = Readable.from(
        storage.store.streamPlaintextRange(recording.storageKey, recording.wrappedDataKey, start, end),
      );
      audioHeaders(reply, end - start + 1);
      if (range.kind === "partial") reply.code(206).header("content-range", `bytes ${start}-${end}/${size}`);
      return reply.send(body);
    } catch (error) {
      return sendError(request, reply, error);
    }
  });
}
