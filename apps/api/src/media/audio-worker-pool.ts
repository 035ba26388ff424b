import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { DomainError, type ErrorCode, type RuleId } from "@kuulo/domain/errors";
import { metrics } from "../observability/metrics.js";
import type { AnalyseAudioOptions, AudioInput, ProcessedAudio } from "./analyse-audio.js";
import { audioTooLarge } from "./audio-errors.js";
import { DEFAULT_AUDIO_LIMITS } from "./audio-types.js";
import type { WorkerReply, WorkerRequest } from "./transcode-worker.js";

export interface AudioWorkerPoolOptions {
  /** Worker threads (1–2 on small machines). Default 1. */
  size?: number;
  /**
   * A job that reports no progress for this long (it reports every 1 % of its input) is killed and fails
   * with INTERNAL; the worker is replaced. A long call that keeps progressing is never cut off. Default 15 min.
   */
  jobTimeoutMs?: number;
}

export interface ProcessAudioOptions extends AnalyseAudioOptions {
  /** Called on the caller's thread with the fraction of the input processed so far. */
  onProgress?: (fraction: number) => void;
}

export interface AudioWorkerPool {
  /**
   * Sniffs, decodes, computes peaks and transcodes on a worker thread; rejects with DomainError on bad
   * audio. Give a file as { path } and the worker streams it from disk (constant memory); bytes are copied.
   */
  processAudio(input: AudioInput, options?: ProcessAudioOptions): Promise<ProcessedAudio>;
  /** Starts any missing workers and answers how many are running (readiness: all of them). */
  ensureRunning(): Promise<{ running: number; size: number }>;
  close(): Promise<void>;
}

interface Job {
  request: WorkerRequest;
  onProgress?: ((fraction: number) => void) | undefined;
  resolve: (value: ProcessedAudio) => void;
  reject: (reason: unknown) => void;
  startedAt?: number;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Settles when the thread is running (true) or failed to start (false). */
  started: Promise<boolean>;
}

function observeJob(job: Job | undefined, outcome: string) {
  if (job?.startedAt !== undefined) {
    metrics.transcodeDuration.observe({ outcome }, (performance.now() - job.startedAt) / 1000);
  }
}

// Under tsx/vitest this module is TypeScript source, so the worker needs the TS loader and source condition.
function spawnWorker(): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(fromSource ? "./transcode-worker.ts" : "./transcode-worker.js", import.meta.url);
  const worker = new Worker(
    url,
    fromSource ? { execArgv: ["--conditions=@kuulo/source", "--import", "tsx"] } : {},
  );
  worker.unref();
  return worker;
}

function toError(reply: Extract<WorkerReply, { ok: false }>): Error {
  const e = reply.error as {
    code?: ErrorCode;
    message: string;
    field?: string;
    rule?: RuleId;
    reason?: string;
  };
  if (!reply.domain) return new Error(`Audio worker failed: ${e.message}`);
  return new DomainError(e.code ?? "INTERNAL", e.message, {
    ...(e.field ? { field: e.field } : {}),
    ...(e.rule ? { rule: e.rule } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
  });
}

/** A small pool of audio worker threads so decoding and encoding never block the HTTP thread. */
export function createAudioWorkerPool(options: AudioWorkerPoolOptions = {}): AudioWorkerPool {
  const poolSize = Math.max(1, options.size ?? 1);
  const jobTimeoutMs = options.jobTimeoutMs ?? 15 * 60 * 1000;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (slot: Slot, outcome: string) => {
    observeJob(slot.job, outcome);
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    dispatch();
  };

  const addSlot = (): Slot => {
    const worker = spawnWorker();
    let online = false;
    const started = new Promise<boolean>((resolve) => {
      worker.once("online", () => {
        online = true;
        metrics.audioWorkersAlive.inc();
        resolve(true);
      });
      worker.once("error", () => resolve(false));
      worker.once("exit", () => {
        if (online) metrics.audioWorkersAlive.dec();
        resolve(false);
      });
    });
    const slot: Slot = { worker, started };
    slot.worker.on("message", (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      if ("progress" in reply) {
        arm(slot);
        return void job.onProgress?.(reply.progress);
      }
      if (reply.ok) job.resolve(reply.result);
      else job.reject(toError(reply));
      finish(slot, reply.ok ? "success" : "refused");
    });
    const replace = (error: Error) => {
      observeJob(slot.job, "crashed");
      slot.job?.reject(error);
      clearTimeout(slot.timer);
      slots.splice(slots.indexOf(slot), 1);
      if (!closed) {
        slots.push(addSlot());
        dispatch();
      }
    };
    slot.worker.on("error", (error) => replace(new Error(`Audio worker crashed: ${error.message}`)));
    slot.worker.on("exit", (code) => {
      if (slots.includes(slot)) replace(new Error(`Audio worker exited with code ${code}.`));
    });
    return slot;
  };

  /** (Re)starts the slot's stall timer. */
  function arm(slot: Slot) {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      observeJob(slot.job, "timeout");
      slot.job?.reject(new DomainError("INTERNAL", "Audio processing timed out."));
      slot.job = undefined;
      // The stalled worker leaves the pool before it has exited: a job queued meanwhile must go to the
      // fresh worker, not to the one being terminated (it failed with "exited" instead of its own outcome).
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      void slot.worker.terminate();
      if (!closed) {
        slots.push(addSlot());
        dispatch();
      }
    }, jobTimeoutMs);
  }

  function dispatch() {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = queue.shift();
      if (!job) return;
      metrics.audioQueueDepth.dec();
      job.startedAt = performance.now();
      slot.job = job;
      slot.worker.ref();
      arm(slot);
      slot.worker.postMessage(job.request);
    }
  }

  return {
    processAudio(input, { onProgress, ...jobOptions } = {}) {
      if (closed) return Promise.reject(new Error("Audio worker pool is closed."));
      const maxBytes = jobOptions.limits?.maxBytes ?? DEFAULT_AUDIO_LIMITS.maxBytes;
      // Refuse oversize input before handing it to a worker.
      let size: number;
      try {
        size = input instanceof Uint8Array ? input.length : statSync(input.path).size;
      } catch (error) {
        return Promise.reject(error);
      }
      if (size > maxBytes) return Promise.reject(audioTooLarge(size, maxBytes));
      if (slots.length < poolSize) slots.push(addSlot());
      return new Promise<ProcessedAudio>((resolve, reject) => {
        queue.push({ request: { id: nextId++, input, options: jobOptions }, onProgress, resolve, reject });
        metrics.audioQueueDepth.inc();
        dispatch();
      });
    },
    async ensureRunning() {
      while (!closed && slots.length < poolSize) slots.push(addSlot());
      const states = await Promise.all(slots.map((slot) => slot.started));
      return { running: states.filter(Boolean).length, size: poolSize };
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        metrics.audioQueueDepth.dec();
        job.reject(new Error("Audio worker pool closed."));
      }
      const all = slots.splice(0);
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
