import { spawn } from "node:child_process";
import { access } from "node:fs/promises";
import { join } from "node:path";

export interface FirstAudioFrameResult {
  runs: number[];
  medianMs: number | null;
  skipped?: string;
}

/** One run of the training portal's own benchmark script (real Chromium, real Kuulo): its `{ "ms": n }`. */
function runOnce(trainingDir: string, script: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=@kuulo/source", "--import", "tsx", script], {
      cwd: trainingDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const line = stdout
        .trim()
        .split("\n")
        .reverse()
        .find((candidate) => candidate.startsWith("{"));
      const ms = line ? (JSON.parse(line) as { ms?: unknown }).ms : undefined;
      if (code === 0 && typeof ms === "number") resolve(ms);
      else reject(new Error(`exit ${code}: ${(stderr || stdout).trim().slice(-200)}`));
    });
  });
}

/**
 * Time to first audio frame, measured by apps/training/bench/first-audio-frame.ts (navigation to the
 * first decoded frame playing). Bounded: at most `runs` runs, each killed after timeoutMs, and no new run
 * once totalMs has passed.
 */
export async function measureFirstAudioFrame(
  repoRoot: string,
  runs: number,
  timeoutMs: number,
  totalMs: number,
): Promise<FirstAudioFrameResult> {
  const deadline = Date.now() + totalMs;
  const trainingDir = join(repoRoot, "apps", "training");
  const script = join("bench", "first-audio-frame.ts");
  try {
    await access(join(trainingDir, script));
  } catch {
    return { runs: [], medianMs: null, skipped: "apps/training/bench/first-audio-frame.ts not present" };
  }
  const results: number[] = [];
  for (let i = 0; i < runs && Date.now() < deadline; i++) {
    try {
      results.push(await runOnce(trainingDir, script, timeoutMs));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { runs: results, medianMs: median(results), skipped: `run ${i + 1} failed: ${message}` };
    }
  }
  return { runs: results, medianMs: median(results) };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}
