import { parentPort } from "node:worker_threads";
import { isDomainError } from "@kuulo/domain/errors";
import { type AnalyseAudioOptions, type AudioInput, analyseAudio } from "./analyse-audio.js";

export interface WorkerRequest {
  id: number;
  input: AudioInput;
  options: AnalyseAudioOptions;
}

export type WorkerReply =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof analyseAudio>> }
  | { id: number; ok: false; domain: boolean; error: Record<string, unknown> }
  | { id: number; progress: number };

/** Progress messages at most every whole percent of the input. */
const progressReporter = (id: number) => {
  let last = -1;
  return (fraction: number) => {
    const percent = Math.floor(fraction * 100);
    if (percent === last) return;
    last = percent;
    parentPort?.postMessage({ id, progress: fraction } satisfies WorkerReply);
  };
};

// Entry point of the audio worker thread: one request at a time, results transferred back without copying.
parentPort?.on("message", async (request: WorkerRequest) => {
  try {
    const result = await analyseAudio(request.input, request.options, progressReporter(request.id));
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
