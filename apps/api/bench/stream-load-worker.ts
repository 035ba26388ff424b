import { parentPort, workerData } from "node:worker_threads";
import { runStreamLoad, type StreamLoadParams } from "./stream-load.js";

// The load client runs on its own event loop, so it does not compete with the in-process API's loop.
const result = await runStreamLoad(workerData as StreamLoadParams);
parentPort?.postMessage(result);
