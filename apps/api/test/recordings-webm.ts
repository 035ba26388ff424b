/** Counts Opus packets (SimpleBlocks) in a WebM file by walking its EBML tree; each one is 20 ms here. */
export function countWebmBlocks(bytes: Uint8Array): number {
  const readVint = (at: number, keepMarker: boolean): { value: number; length: number } => {
    const first = bytes[at] ?? 0;
    let length = 1;
    while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
    let value = keepMarker ? first : first & (0xff >> length);
    for (let i = 1; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
    return { value, length };
  };
  const SEGMENT = 0x18538067;
  const CLUSTER = 0x1f43b675;
  const SIMPLE_BLOCK = 0xa3;
  let count = 0;
  const walk = (start: number, end: number) => {
    let at = start;
    while (at < end) {
      const id = readVint(at, true);
      const size = readVint(at + id.length, false);
      const body = at + id.length + size.length;
      if (id.value === SEGMENT || id.value === CLUSTER) walk(body, Math.min(end, body + size.value));
      else if (id.value === SIMPLE_BLOCK) count++;
      at = body + size.value;
    }
  };
  walk(0, bytes.length);
  return count;
}
