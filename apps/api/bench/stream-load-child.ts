import { runStreamLoad, type StreamLoadParams } from "./stream-load.js";

// One load run in a process of its own (bench/stream-cpu.ts): its CPU is then not the API's. Prints the
// result with the client's own CPU time as one JSON line.
const params = JSON.parse(process.argv[2] ?? "{}") as StreamLoadParams;
const before = process.cpuUsage();
const result = await runStreamLoad(params);
const used = process.cpuUsage(before);
console.log(JSON.stringify({ result, clientCpuMicros: used.user + used.system }));
