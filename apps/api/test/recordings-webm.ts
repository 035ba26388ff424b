export interface WebmBlock {
  /** Absolute time in milliseconds (cluster timecode + block offset, 1 ms timecode scale). */
  timeMs: number;
  /** The block's frame bytes (after track number, timecode and flags). */
  frame: Buffer;
}

/** Every SimpleBlock of a WebM file with its time and payload, and the Info Duration in milliseconds. */
export function webmBlocks(bytes: Uint8Array): { blocks: WebmBlock[]; durationMs: number | null } {
  const data = Buffer.from(bytes);
  const readVint = (at: number, keepMarker: boolean) => {
    const first = data[at] ?? 0;
    let length = 1;
    while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
    let value = keepMarker ? first : first & (0xff >> length);
    for (let i = 1; i < length; i++) value = value * 256 + (data[at + i] ?? 0);
    return { value, length };
  };
  const blocks: WebmBlock[] = [];
  let durationMs: number | null = null;
  const walk = (start: number, end: number, clusterMs: number) => {
    let at = start;
    let base = clusterMs;
    while (at < end) {
      const id = readVint(at, true);
      const size = readVint(at + id.length, false);
      const body = at + id.length + size.length;
      const stop = Math.min(end, body + size.value);
      if (id.value === 0x18538067 || id.value === 0x1549a966) walk(body, stop, 0);
      else if (id.value === 0x1f43b675) walk(body, stop, 0);
      else if (id.value === 0xe7) base = data.readUIntBE(body, size.value);
      else if (id.value === 0x4489)
        durationMs = size.value === 8 ? data.readDoubleBE(body) : data.readFloatBE(body);
      else if (id.value === 0xa3) {
        const track = readVint(body, false);
        const offset = data.readInt16BE(body + track.length);
        blocks.push({ timeMs: base + offset, frame: data.subarray(body + track.length + 3, stop) });
      }
      at = stop;
    }
  };
  walk(0, data.length, 0);
  return { blocks, durationMs };
}

/** Counts Opus packets (SimpleBlocks) in a WebM file; each one is 20 ms here. */
export function countWebmBlocks(bytes: Uint8Array): number {
  return webmBlocks(bytes).blocks.length;
}
