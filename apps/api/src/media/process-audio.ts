import type { AudioInput, ProcessedAudio } from "./analyse-audio.js";
import {
  type AudioWorkerPool,
  createAudioWorkerPool,
  type ProcessAudioOptions,
} from "./audio-worker-pool.js";

let sharedPool: AudioWorkerPool | undefined;

/**
 * Processes one upload on a lazily started shared pool of one worker thread. Servers that want another
 * pool size create their own with createAudioWorkerPool({ size }) and close it on shutdown.
 */
export function processAudio(input: AudioInput, options: ProcessAudioOptions = {}): Promise<ProcessedAudio> {
  sharedPool ??= createAudioWorkerPool({ size: 1 });
  return sharedPool.processAudio(input, options);
}
