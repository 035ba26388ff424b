import { parentPort, workerData } from "node:worker_threads";
import { emptyAudioReport, fuzzOne, fuzzSeeds } from "./fuzz-audio.js";

/** Runs inputs [from, to) and writes the index in progress into shared memory for the hang watchdog. */
const { runSeed, from, to, decodeEvery, progress } = workerData as {
  runSeed: number;
  from: number;
  to: number;
  decodeEvery: number;
  progress: SharedArrayBuffer;
};
const current = new Int32Array(progress);
const seeds = fuzzSeeds();
const report = emptyAudioReport();
for (let index = from; index < to; index++) {
  Atomics.store(current, 0, index);
  await fuzzOne(seeds, runSeed, index, decodeEvery, report);
}
parentPort?.postMessage(report);
