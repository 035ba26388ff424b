/** mulberry32: a small seeded PRNG, so every fuzz input can be rebuilt from (seed, index). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MUTATIONS = [
  "bit-flip",
  "random-bytes",
  "interesting-u32",
  "nul-run",
  "truncate",
  "delete-range",
  "insert-random",
  "duplicate-range",
  "splice",
] as const;
export type Mutation = (typeof MUTATIONS)[number];

const INTERESTING = [0x00000000, 0xffffffff, 0x7fffffff, 0x80000000, 0x00010000, 0x0000ffff, 0x00000001];

/**
 * One to four mutations of `input`, biased to the first 512 bytes where every format keeps its
 * headers, sizes and tables: flipped bits, random bytes, 2^32-1 and other boundary sizes, NUL runs,
 * truncation, removed, inserted and duplicated ranges, and splices of another seed.
 */
export function mutate(
  input: Uint8Array,
  random: () => number,
  other: Uint8Array,
): { bytes: Uint8Array; applied: Mutation[] } {
  let bytes: Uint8Array = input.slice();
  const applied: Mutation[] = [];
  const count = 1 + Math.floor(random() * 4);
  const int = (max: number) => Math.floor(random() * Math.max(1, max));
  const offset = () => (random() < 0.7 ? int(Math.min(bytes.length, 512)) : int(bytes.length));
  for (let n = 0; n < count; n++) {
    const kind = MUTATIONS[int(MUTATIONS.length)] ?? "bit-flip";
    applied.push(kind);
    if (bytes.length === 0) break;
    const at = offset();
    switch (kind) {
      case "bit-flip":
        bytes[at] = (bytes[at] ?? 0) ^ (1 << int(8));
        break;
      case "random-bytes":
        for (let i = 0, len = 1 + int(16); i < len && at + i < bytes.length; i++) bytes[at + i] = int(256);
        break;
      case "interesting-u32": {
        const value = INTERESTING[int(INTERESTING.length)] ?? 0;
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (at + 4 <= bytes.length) view.setUint32(at, value, random() < 0.5);
        break;
      }
      case "nul-run":
        bytes.fill(0, at, Math.min(bytes.length, at + 1 + int(256)));
        break;
      case "truncate":
        bytes = bytes.slice(0, int(bytes.length));
        break;
      case "delete-range":
        bytes = concat(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + int(64))));
        break;
      case "insert-random": {
        const extra = new Uint8Array(1 + int(64)).map(() => int(256));
        bytes = concat(bytes.subarray(0, at), extra, bytes.subarray(at));
        break;
      }
      case "duplicate-range": {
        const range = bytes.slice(at, Math.min(bytes.length, at + 1 + int(512)));
        bytes = concat(bytes.subarray(0, at), range, bytes.subarray(at));
        break;
      }
      case "splice": {
        const from = int(other.length);
        bytes = concat(bytes.subarray(0, at), other.subarray(from, from + 1 + int(4096)));
        break;
      }
    }
  }
  return { bytes, applied };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
