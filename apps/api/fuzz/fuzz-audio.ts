import { DomainError } from "@kuulo/domain/errors";
import type { AudioFormat } from "../src/media/audio-types.js";
import { decodeToPcm } from "../src/media/decode-to-pcm.js";
import { sniffAudio } from "../src/media/sniff-audio.js";
import { mutate, prng } from "./mutate.js";
import { demoSeeds, type Seed, shortSeed } from "./seeds.js";

/** What a refusal may be: a client error naming the audio field. Anything else is a crash. */
const CLIENT_ERRORS = new Set(["VALIDATION", "UNSUPPORTED_MEDIA", "PAYLOAD_TOO_LARGE"]);
const LIMITS = { maxBytes: 200 * 1024 * 1024, maxDurationMs: 4 * 60 * 60 * 1000 };

export interface Crash {
  index: number;
  seed: string;
  error: string;
}

export interface AudioFuzzReport {
  inputs: number;
  accepted: number;
  refused: number;
  decoded: number;
  crashes: Crash[];
  byFormat: Record<AudioFormat, { inputs: number; accepted: number }>;
  refusalReasons: Record<string, number>;
}

export function fuzzSeeds(): Seed[] {
  const whole = demoSeeds();
  return [...whole, ...whole.map((seed) => shortSeed(seed))];
}

/** The input number `index` of a run: rebuilt from (seed, index) alone, so a crash can be replayed. */
export function fuzzInput(seeds: Seed[], runSeed: number, index: number) {
  const random = prng((runSeed * 0x9e3779b1 + index) >>> 0);
  const seed = seeds[index % seeds.length] as Seed;
  const other = (seeds[Math.floor(random() * seeds.length)] as Seed).bytes;
  return { seed, ...mutate(seed.bytes, random, other) };
}

/** Sniffs one input; a short seed's accepted mutations are also decoded every `decodeEvery` inputs. */
export async function fuzzOne(
  seeds: Seed[],
  runSeed: number,
  index: number,
  decodeEvery: number,
  report: AudioFuzzReport,
) {
  const { seed, bytes } = fuzzInput(seeds, runSeed, index);
  report.inputs += 1;
  const tally = report.byFormat[seed.format];
  tally.inputs += 1;
  try {
    const sniffed = sniffAudio(bytes, LIMITS);
    if (seed.name.includes("@") && index % decodeEvery === 0) {
      await decodeToPcm(bytes, sniffed, { sampleRate: 48000, channels: "keep" });
      report.decoded += 1;
    }
    report.accepted += 1;
    tally.accepted += 1;
  } catch (error) {
    if (error instanceof DomainError && CLIENT_ERRORS.has(error.code) && error.field === "audio") {
      report.refused += 1;
      const reason = error.reason ?? error.code;
      report.refusalReasons[reason] = (report.refusalReasons[reason] ?? 0) + 1;
    } else {
      report.crashes.push({
        index,
        seed: seed.name,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
  }
}

export function emptyAudioReport(): AudioFuzzReport {
  const zero = () => ({ inputs: 0, accepted: 0 });
  return {
    inputs: 0,
    accepted: 0,
    refused: 0,
    decoded: 0,
    crashes: [],
    byFormat: {
      "wav-pcm16": zero(),
      "wav-mulaw": zero(),
      "wav-alaw": zero(),
      mp3: zero(),
      "ogg-opus": zero(),
    },
    refusalReasons: {},
  };
}

/** `count` inputs from `from` on, in this thread (the CI test; the long run uses a worker). */
export async function fuzzAudio(options: {
  runSeed: number;
  count: number;
  from?: number;
  decodeEvery?: number;
}) {
  const seeds = fuzzSeeds();
  const report = emptyAudioReport();
  const from = options.from ?? 0;
  for (let index = from; index < from + options.count; index++) {
    await fuzzOne(seeds, options.runSeed, index, options.decodeEvery ?? 3, report);
  }
  return report;
}
