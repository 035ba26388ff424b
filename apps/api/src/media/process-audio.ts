import type { AnalyseAudioOptions, ProcessedAudio } from "./analyse-audio.js";
import { type AudioWorkerPool, createAudioWorkerPool } from "./audio-worker-pool.js";

let sharedPool: AudioWorkerPool | undefined;

/**
 * Processes one upload on a lazily started shared pool of one worker thread. Servers that want another
 * pool size create their own with createAudioWorkerPool({ size }) and close it on shutdown.
 */
export function processAudio(bytes: Uint8Array, options: AnalyseAudioOptions = {}): Promise<ProcessedAudio> {
  sharedPool ??= createAudioWorkerPool({ size: 1 });
  return sharedPool.processAudio(bytes, options);
}
