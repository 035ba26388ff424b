import { readdirSync, readFileSync } from "node:fs";
import type { AudioFormat } from "../src/media/audio-types.js";
import { sniffAudio } from "../src/media/sniff-audio.js";

export const DEMO_DATA = new URL("../demo-data/", import.meta.url);

export interface Seed {
  name: string;
  format: AudioFormat;
  bytes: Uint8Array;
}

/** Every demo call (apps/api/demo-data), whole: the five accepted formats as the recording system sends them. */
export function demoSeeds(): Seed[] {
  return readdirSync(DEMO_DATA)
    .filter((name) => /\.(wav|mp3|opus)$/.test(name))
    .sort()
    .map((name) => {
      const bytes = new Uint8Array(readFileSync(new URL(name, DEMO_DATA)));
      return { name, format: sniffAudio(bytes).format, bytes };
    });
}

/** Offsets where an MP3 frame or an Ogg page may start, newest first. */
function boundaries(bytes: Uint8Array, format: AudioFormat, below: number): number[] {
  const found: number[] = [];
  for (let i = Math.min(below, bytes.length - 4); i > 0; i--) {
    if (format === "ogg-opus" && bytes[i] === 0x4f && bytes[i + 1] === 0x67 && bytes[i + 2] === 0x67)
      found.push(i);
    if (format === "mp3" && bytes[i] === 0xff && ((bytes[i + 1] ?? 0) & 0xe0) === 0xe0) found.push(i);
  }
  return found;
}

/**
 * The first seconds of a demo call as a valid file of the same format, so decoding and ingest stay
 * cheap per input: a WAV with its sizes patched, an MP3 cut at a frame, an Ogg Opus cut at a page.
 */
export function shortSeed(seed: Seed, seconds = 2): Seed {
  const sniffed = sniffAudio(seed.bytes);
  if (seed.format.startsWith("wav")) {
    const offset = sniffed.dataOffset ?? 44;
    const bytesPerSecond = Math.round((sniffed.dataLength ?? 0) / (sniffed.estimatedDurationMs / 1000));
    const blockAlign = sniffed.channels * (seed.format === "wav-pcm16" ? 2 : 1);
    const length = Math.floor((bytesPerSecond * seconds) / blockAlign) * blockAlign;
    const bytes = seed.bytes.slice(0, offset + length);
    const view = new DataView(bytes.buffer);
    view.setUint32(4, bytes.length - 8, true);
    view.setUint32(offset - 4, length, true);
    return { ...seed, name: `${seed.name}@${seconds}s`, bytes };
  }
  const target = Math.ceil((seed.bytes.length * seconds * 1000) / sniffed.estimatedDurationMs);
  const cuts = boundaries(seed.bytes, seed.format, target);
  for (const [i, end] of cuts.entries()) {
    const bytes = seed.bytes.slice(0, end);
    const lastPage = cuts[i + 1];
    if (seed.format === "ogg-opus" && lastPage !== undefined) markEndOfStream(bytes, lastPage);
    try {
      if (sniffAudio(bytes).format === seed.format)
        return { ...seed, name: `${seed.name}@${seconds}s`, bytes };
    } catch {
      // not a clean cut; try the previous boundary
    }
  }
  // Ogg Opus header pages can outweigh a short target: take twice as long, up to the whole call.
  if (target < seed.bytes.length) return shortSeed(seed, seconds * 2);
  throw new Error(`no clean cut of ${seed.name}`);
}

const OGG_CRC = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** The page at `start` (running to the end of `bytes`) becomes the last one: EOS flag, fresh CRC. */
function markEndOfStream(bytes: Uint8Array, start: number) {
  bytes[start + 5] = (bytes[start + 5] ?? 0) | 4;
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  view.setUint32(start + 22, 0, true);
  let crc = 0;
  for (let i = start; i < bytes.length; i++)
    crc = ((crc << 8) ^ (OGG_CRC[((crc >>> 24) ^ bytes[i]!) & 0xff] ?? 0)) >>> 0;
  view.setUint32(start + 22, crc, true);
}
