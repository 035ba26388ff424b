import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { analyseAudio } from "../src/media/analyse-audio.js";
import { decodeToPcm } from "../src/media/decode-to-pcm.js";
import { decodeWavBlock } from "../src/media/decode-wav.js";
import { resample } from "../src/media/resample.js";
import { sniffAudio } from "../src/media/sniff-audio.js";
import { decodeStoredWebm, speechQuality } from "../src/media/speech-quality.js";
import { type DemoFile, loadDemoFiles } from "./ingest-bench.js";
import { round } from "./measure.js";

/**
 * The stored form before this change (opusscript's libopus 1.4, 24 kbit/s stereo, 20 ms packets, input
 * resampled to 48 kHz, webm-muxer), measured at commit 8a0435b with the same decodeStoredWebm() and
 * speechQuality() on the same demo files. That encoder is no longer installed, so it cannot be re-run;
 * these are its recorded figures: stored bytes, and per channel [segmental SNR dB, log-spectral distance dB].
 */
export const EARLIER_STORED_FORM: Record<string, { storedBytes: number; quality?: [number, number][] }> = {
  "call-001.wav": {
    storedBytes: 108774,
    quality: [
      [8.47, 3.69],
      [6.77, 3.9],
    ],
  },
  "call-002.mp3": { storedBytes: 195689 },
  "call-003.opus": { storedBytes: 175417 },
  "call-004.mp3": { storedBytes: 170646 },
  "call-005.opus": { storedBytes: 168791 },
  "call-006.wav": {
    storedBytes: 86175,
    quality: [
      [6.51, 4.16],
      [6.82, 3.95],
    ],
  },
  "call-007.mp3": { storedBytes: 199952 },
  "call-008.wav": {
    storedBytes: 110528,
    quality: [
      [6.42, 4.07],
      [6.8, 4.1],
    ],
  },
  "call-009.mp3": { storedBytes: 183011 },
  "call-010.opus": { storedBytes: 158964 },
  "call-011.opus": { storedBytes: 174162 },
  "call-012.wav": {
    storedBytes: 98971,
    quality: [
      [6.85, 3.95],
      [6.91, 3.8],
    ],
  },
};

export interface StoredFormRow {
  originalFormat: string;
  files: number;
  callMinutes: number;
  earlierBytesPerCallMinute: number;
  storedBytesPerCallMinute: number;
  /** The largest single file of the format: the target is per call, not only on average. */
  largestFileBytesPerCallMinute: number;
  /** WAV originals only (8 kHz): mean over files and channels. */
  earlierSegmentalSnrDb?: number;
  earlierLogSpectralDistanceDb?: number;
  /**
   * Mean over files and channels, against the 8 kHz original for WAV; for a lossy original against its own
   * decoded audio at 8 kHz, which is all it has to compare with (no earlier figures for those).
   */
  segmentalSnrDb: number;
  logSpectralDistanceDb: number;
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

/**
 * Stored bytes per call-minute and speech quality of the stored form, per original format, against the
 * earlier form: each demo file through analyseAudio (the ingest pipeline), decoded back and compared
 * (speechQuality()) with the 8 kHz WAV original, or with a lossy original's own decoded audio.
 */
export async function measureStoredForm(files: DemoFile[]): Promise<StoredFormRow[]> {
  const byFormat = new Map<
    string,
    {
      files: number;
      ms: number;
      bytes: number;
      largest: number;
      earlier: number;
      q: number[][];
      eq: number[][];
    }
  >();
  for (const file of files) {
    const result = await analyseAudio({ path: file.path });
    const earlier = EARLIER_STORED_FORM[file.file];
    const row = byFormat.get(result.format) ?? {
      files: 0,
      ms: 0,
      bytes: 0,
      largest: 0,
      earlier: 0,
      q: [],
      eq: [],
    };
    row.files++;
    row.ms += result.durationMs;
    row.bytes += result.stored.bytes.length;
    row.largest = Math.max(row.largest, result.stored.bytes.length / (result.durationMs / 60_000));
    row.earlier += earlier?.storedBytes ?? Number.NaN;
    const bytes = new Uint8Array(readFileSync(file.path));
    const sniffed = sniffAudio(bytes);
    let original: Float32Array[];
    if (result.format.startsWith("wav")) {
      const data = bytes.subarray(sniffed.dataOffset!, sniffed.dataOffset! + sniffed.dataLength!);
      original = decodeWavBlock(data, sniffed.format as "wav-pcm16", sniffed.channels);
    } else {
      const { pcm } = await decodeToPcm(bytes, sniffed);
      original = pcm.channels.map((samples) => resample(samples, pcm.sampleRate, 8000));
    }
    const decoded = await decodeStoredWebm(result.stored.bytes);
    original.forEach((channel, c) => {
      const quality = speechQuality(channel, decoded[c]!);
      row.q.push([quality.segmentalSnrDb, quality.logSpectralDistanceDb]);
      if (result.format.startsWith("wav") && earlier?.quality) row.eq.push(earlier.quality[c]!);
    });
    byFormat.set(result.format, row);
  }
  return [...byFormat.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([format, row]) => ({
      originalFormat: format,
      files: row.files,
      callMinutes: round(row.ms / 60_000, 2),
      earlierBytesPerCallMinute: Math.round(row.earlier / (row.ms / 60_000)),
      storedBytesPerCallMinute: Math.round(row.bytes / (row.ms / 60_000)),
      largestFileBytesPerCallMinute: Math.round(row.largest),
      ...(row.eq.length > 0
        ? {
            earlierSegmentalSnrDb: round(mean(row.eq.map((q) => q[0]!)), 2),
            earlierLogSpectralDistanceDb: round(mean(row.eq.map((q) => q[1]!)), 2),
          }
        : {}),
      segmentalSnrDb: round(mean(row.q.map((q) => q[0]!)), 2),
      logSpectralDistanceDb: round(mean(row.q.map((q) => q[1]!)), 2),
    }));
}

export interface ImportMemoryResult {
  callMinutes: number;
  /** Peak RSS (VmHWM) of `kuulo import` of one demo call, the baseline. */
  shortPeakRssMb: number;
  longPeakRssMb: number;
  /** long − short: what the long call itself costs. */
  growthMb: number;
  longWallSeconds: number;
  /** Progress lines the CLI printed while the one long file was processed (non-TTY: one a second). */
  progressLinesWithinFile: number;
  exitCodes: [number | null, number | null];
}

const API_DIR = join(import.meta.dirname, "..");

/** Runs the CLI as operators do, sampling the process's peak RSS (VmHWM) until it exits. */
function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; peakKb: number; stderr: string; seconds: number }>((resolve) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["--conditions=@kuulo/source", "--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: API_DIR, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } },
    );
    let peakKb = 0;
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    // VmHWM only grows, so the last sample before exit is the peak up to ~100 ms before the end.
    const timer = setInterval(async () => {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, "utf8");
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakKb = Math.max(peakKb, kb);
      } catch {
        // The process has just exited.
      }
    }, 100);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code, peakKb, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Writes a WAV of `minutes` by repeating a PCM16 demo file's samples, without building it in memory. */
async function writeLongWav(source: DemoFile, minutes: number, path: string): Promise<void> {
  const pcm = source.bytes.subarray(44);
  const byteRate = source.bytes.readUInt32LE(28);
  const total = byteRate * minutes * 60;
  const header = Buffer.from(source.bytes.subarray(0, 44));
  header.writeUInt32LE(36 + total, 4);
  header.writeUInt32LE(total, 40);
  const handle = await open(path, "w");
  try {
    await handle.write(header);
    for (let left = total; left > 0; left -= pcm.length) await handle.write(pcm.subarray(0, left));
  } finally {
    await handle.close();
  }
}

/**
 * `pnpm cli import` of one long stereo 8 kHz call against one demo call, in fresh PGlite demo data:
 * the difference in peak RSS is what the call's length costs (the target: ≤ 300 MB for 60 min).
 */
export async function measureImportMemory(
  files: DemoFile[],
  minutes: number,
  log: (line: string) => void,
): Promise<ImportMemoryResult | { skipped: string }> {
  const wav = files.find(
    (f) => f.file.endsWith(".wav") && f.bytes.readUInt16LE(20) === 1 && f.bytes.readUInt16LE(22) === 2,
  );
  if (wav?.bytes.readUInt32LE(24) !== 8000 || !wav) return { skipped: "no 8 kHz stereo PCM16 demo WAV" };
  const root = await mkdtemp(join(tmpdir(), "kuulo-bench-import-"));
  try {
    const env = { KUULO_MODE: "demo", KUULO_DATA_DIR: join(root, "data") };
    log("[import memory] seeding demo data …");
    await runCli(["seed-demo"], env);
    const manifest = (dir: string, file: string, id: string) =>
      writeFile(
        join(dir, "manifest.jsonl"),
        `${JSON.stringify({ ...wav.metadata, file, sourceRecordingId: id })}\n`,
      );
    const short = join(root, "short");
    const long = join(root, "long");
    await mkdir(short);
    await mkdir(long);
    await writeFile(join(short, wav.file), wav.bytes);
    await manifest(short, wav.file, "bench-import-short");
    await writeLongWav(wav, minutes, join(long, "long.wav"));
    await manifest(long, "long.wav", `bench-import-${minutes}min`);
    log("[import memory] one demo call …");
    const a = await runCli(["import", short], env);
    log(`[import memory] one ${minutes}-minute call …`);
    const b = await runCli(["import", long], env);
    const within = b.stderr.split("\n").filter((line) => /long\.wav \d+ %/.test(line)).length;
    return {
      callMinutes: minutes,
      shortPeakRssMb: round(a.peakKb / 1024, 0),
      longPeakRssMb: round(b.peakKb / 1024, 0),
      growthMb: round((b.peakKb - a.peakKb) / 1024, 0),
      longWallSeconds: round(b.seconds, 0),
      progressLinesWithinFile: within,
      exitCodes: [a.code, b.code],
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export interface AudioBenchResult {
  storedForm: StoredFormRow[];
  importMemory: ImportMemoryResult | { skipped: string };
}

/** Both audio rows of the table: bytes and quality of the stored form, and import memory. */
export async function runAudioBench(
  demoDir: string,
  importMinutes: number,
  log: (line: string) => void,
): Promise<AudioBenchResult> {
  const files = await loadDemoFiles(demoDir);
  log(`[audio] stored form of ${files.length} demo calls, decoded back and compared …`);
  const storedForm = await measureStoredForm(files);
  const importMemory =
    importMinutes > 0
      ? await measureImportMemory(files, importMinutes, log)
      : { skipped: "KUULO_BENCH_IMPORT_MINUTES=0" };
  return { storedForm, importMemory };
}

export function audioSummaryLines(audio: AudioBenchResult): string[] {
  const lines = ["Stored form per call-minute, earlier (opusscript, 20 ms, 24 kbit/s) → now:"];
  for (const row of audio.storedForm) {
    const quality =
      row.earlierSegmentalSnrDb === undefined
        ? `  segSNR ${row.segmentalSnrDb} dB, LSD ${row.logSpectralDistanceDb} dB (against its own decode)`
        : `  segSNR ${row.earlierSegmentalSnrDb} → ${row.segmentalSnrDb} dB, LSD ${row.earlierLogSpectralDistanceDb} → ${row.logSpectralDistanceDb} dB`;
    lines.push(
      `  ${row.originalFormat.padEnd(10)} ${String(row.earlierBytesPerCallMinute).padStart(7)} → ${String(row.storedBytesPerCallMinute).padStart(7)} B/min, largest file ${row.largestFileBytesPerCallMinute} (${row.files} files)${quality}`,
    );
  }
  const m = audio.importMemory;
  lines.push(
    "skipped" in m
      ? `kuulo import memory: ${m.skipped}`
      : `kuulo import of a ${m.callMinutes}-min stereo 8 kHz WAV: peak RSS ${m.longPeakRssMb} MB vs ${m.shortPeakRssMb} MB for one demo call = growth ${m.growthMb} MB (${m.longWallSeconds} s, ${m.progressLinesWithinFile} progress lines within the file, exit ${m.exitCodes.join("/")})`,
  );
  return lines;
}
