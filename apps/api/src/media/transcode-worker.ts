import { parentPort } from "node:worker_threads";
import { isDomainError } from "@kuulo/domain/errors";
import { type AnalyseAudioOptions, analyseAudio } from "./analyse-audio.js";

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  options: AnalyseAudioOptions;
}

export type WorkerReply =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof analyseAudio>> }
  | { id: number; ok: false; domain: boolean; error: Record<string, unknown> };

// Entry point of the audio worker thread: one request at a time, results transferred back without copying.
parentPort?.on("message", async (request: WorkerRequest) => {
  try {
    const result = await analyseAudio(request.bytes, request.options);
    const reply: WorkerReply = { id: request.id, ok: true, result };
    parentPort?.postMessage(reply, [result.stored.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const reply: WorkerReply = isDomainError(error)
      ? {
          id: request.id,
          ok: false,
          domain: true,
          error: {
            code: error.code,
            message: error.message,
            field: error.field,
            rule: error.rule,
            reason: error.reason,
          },
        }
      : {
          id: request.id,
          ok: false,
          domain: false,
          error: { message: String((error as Error)?.message ?? error) },
        };
    parentPort?.postMessage(reply);
    // An unexpected failure may have left WASM memory corrupt: end this thread; the pool starts a fresh one.
    if (!reply.domain) process.exit(1);
  }
});
