export interface WebmCluster {
  /** Offset of the Cluster element from the start of the Segment's data (what CueClusterPosition holds). */
  segmentOffset: number;
  timestampMs: number;
  blocks: number;
  /** Relative timestamp of its last SimpleBlock. */
  lastBlockMs: number;
}

export interface WebmLayout {
  durationMs: number;
  clusters: WebmCluster[];
  cues: { timeMs: number; clusterPosition: number }[];
  /** Segment-relative positions the SeekHead names, by element id. */
  seekHead: Map<number, number>;
}

const SEGMENT = 0x18538067;
const SEEK_HEAD = 0x114d9b74;
const SEEK = 0x4dbb;
const SEEK_ID = 0x53ab;
const SEEK_POSITION = 0x53ac;
const INFO = 0x1549a966;
const DURATION = 0x4489;
const CLUSTER = 0x1f43b675;
const TIMESTAMP = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const CUES = 0x1c53bb6b;
const CUE_POINT = 0xbb;
const CUE_TIME = 0xb3;
const CUE_TRACK_POSITIONS = 0xb7;
const CUE_CLUSTER_POSITION = 0xf1;

/** Walks a WebM's EBML tree: clusters with their timestamps and block counts, the Cues and the SeekHead. */
export function webmLayout(bytes: Uint8Array): WebmLayout {
  const readVint = (at: number, keepMarker: boolean): { value: number; length: number } => {
    const first = bytes[at] ?? 0;
    let length = 1;
    while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
    let value = keepMarker ? first : first & (0xff >> length);
    for (let i = 1; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
    return { value, length };
  };
  const uint = (at: number, size: number) => {
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
    return value;
  };
  const layout: WebmLayout = { durationMs: 0, clusters: [], cues: [], seekHead: new Map() };
  let segmentData = 0;
  let cluster: WebmCluster | undefined;
  let cue: { timeMs: number; clusterPosition: number } | undefined;
  let seek: { id: number; position: number } | undefined;
  const walk = (start: number, end: number) => {
    let at = start;
    while (at < end) {
      const id = readVint(at, true);
      const size = readVint(at + id.length, false);
      const body = at + id.length + size.length;
      const bodyEnd = Math.min(end, body + size.value);
      if (id.value === SEGMENT) {
        segmentData = body;
        walk(body, bodyEnd);
      } else if (id.value === CLUSTER) {
        cluster = { segmentOffset: at - segmentData, timestampMs: 0, blocks: 0, lastBlockMs: 0 };
        layout.clusters.push(cluster);
        walk(body, bodyEnd);
      } else if (id.value === TIMESTAMP && cluster) cluster.timestampMs = uint(body, size.value);
      else if (id.value === SIMPLE_BLOCK && cluster) {
        const track = readVint(body, false);
        const relative = (bytes[body + track.length]! << 8) | bytes[body + track.length + 1]!;
        cluster.blocks++;
        cluster.lastBlockMs = relative;
      } else if (id.value === INFO || id.value === CUES || id.value === SEEK_HEAD) walk(body, bodyEnd);
      else if (id.value === DURATION) {
        const view = new DataView(bytes.buffer, bytes.byteOffset + body, size.value);
        layout.durationMs = size.value === 8 ? view.getFloat64(0) : view.getFloat32(0);
      } else if (id.value === CUE_POINT) {
        cue = { timeMs: 0, clusterPosition: -1 };
        layout.cues.push(cue);
        walk(body, bodyEnd);
      } else if (id.value === CUE_TIME && cue) cue.timeMs = uint(body, size.value);
      else if (id.value === CUE_TRACK_POSITIONS) walk(body, bodyEnd);
      else if (id.value === CUE_CLUSTER_POSITION && cue) cue.clusterPosition = uint(body, size.value);
      else if (id.value === SEEK) {
        seek = { id: 0, position: 0 };
        walk(body, bodyEnd);
        layout.seekHead.set(seek.id, seek.position);
      } else if (id.value === SEEK_ID && seek) seek.id = uint(body, size.value);
      else if (id.value === SEEK_POSITION && seek) seek.position = uint(body, size.value);
      at = body + size.value;
    }
  };
  walk(0, bytes.length);
  return layout;
}

export const CUES_ID = CUES;

/** Counts Opus packets (SimpleBlocks) in a WebM file. */
export function countWebmBlocks(bytes: Uint8Array): number {
  return webmLayout(bytes).clusters.reduce((sum, cluster) => sum + cluster.blocks, 0);
}

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
