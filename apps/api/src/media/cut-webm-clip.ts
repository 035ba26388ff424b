import { concat, element, float, WEBM_ID as ID, uintBytes } from "./ebml.js";

/**
 * Cuts a time window out of a stored WebM/Opus file as a complete, playable WebM of its own: the EBML
 * header, Info (with the window's duration) and Tracks, and only the blocks whose time lies in the
 * window, re-timed so the window starts at 0, with fresh SeekHead and Cues. No byte of a block outside
 * the window is copied, so a listener who may hear only a clip cannot reach the rest by any Range.
 */

const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;
const MAX_RELATIVE_TICKS = 32_767;

export interface WebmWindow {
  startMs: number;
  endMs: number;
}

interface Element {
  id: number;
  /** Offset of the element's first byte (its id). */
  start: number;
  /** Offset of its data and one past its end. */
  dataStart: number;
  end: number;
}

class WebmFormatError extends Error {}

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } {
  const first = bytes[at];
  if (first === undefined || first === 0) throw new WebmFormatError(`bad EBML number at ${at}`);
  let length = 1;
  while (!(first & (0x80 >> (length - 1)))) length++;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) throw new WebmFormatError(`truncated EBML number at ${at}`);
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  // An all-ones size means "unknown"; only the Segment may have one in a file written to a buffer.
  return { value: !keepMarker && allOnes ? -1 : value, length };
}

function* children(bytes: Uint8Array, start: number, end: number): Generator<Element> {
  let at = start;
  while (at < end) {
    const id = readVint(bytes, at, true);
    const size = readVint(bytes, at + id.length, false);
    const dataStart = at + id.length + size.length;
    const elementEnd = size.value < 0 ? end : dataStart + size.value;
    if (elementEnd > end) throw new WebmFormatError(`element ${id.value.toString(16)} overruns its parent`);
    yield { id: id.value, start: at, dataStart, end: elementEnd };
    at = elementEnd;
  }
}

function readUint(bytes: Uint8Array, element: Element): number {
  let value = 0;
  for (let i = element.dataStart; i < element.end; i++) value = value * 256 + (bytes[i] ?? 0);
  return value;
}

// ---- cutting -------------------------------------------------------------------------------------

interface KeptBlock {
  /** SimpleBlock or BlockGroup, copied with its relative timecode rewritten. */
  id: number;
  bytes: Uint8Array;
  /** Offset of the block's 16-bit timecode inside `bytes`. */
  timecodeAt: number;
  ticks: number;
  track: number;
}

/** The Block (or SimpleBlock) data's track number and where its 16-bit relative timecode sits. */
function blockHeader(bytes: Uint8Array, dataStart: number): { track: number; timecodeAt: number } {
  const track = readVint(bytes, dataStart, false);
  return { track: track.value, timecodeAt: dataStart + track.length };
}

function readBlock(bytes: Uint8Array, block: Element, clusterTicks: number): KeptBlock | null {
  let header: { track: number; timecodeAt: number } | null = null;
  if (block.id === ID.simpleBlock) header = blockHeader(bytes, block.dataStart);
  else {
    for (const child of children(bytes, block.dataStart, block.end)) {
      if (child.id === ID.block) header = blockHeader(bytes, child.dataStart);
    }
  }
  if (!header) return null;
  const relative = new DataView(bytes.buffer, bytes.byteOffset + header.timecodeAt, 2).getInt16(0);
  const copy = bytes.slice(block.start, block.end);
  return {
    id: block.id,
    bytes: copy,
    timecodeAt: header.timecodeAt - block.start,
    ticks: clusterTicks + relative,
    track: header.track,
  };
}

function clusterElement(blocks: readonly KeptBlock[], baseTicks: number): Uint8Array {
  const parts = [element(ID.timestamp, uintBytes(baseTicks))];
  for (const block of blocks) {
    const copy = block.bytes.slice();
    new DataView(copy.buffer, copy.byteOffset + block.timecodeAt, 2).setInt16(0, block.ticks - baseTicks);
    parts.push(copy);
  }
  return element(ID.cluster, concat(parts));
}

/** Groups the re-timed blocks into clusters whose relative timecodes fit 16 bits. */
function buildClusters(blocks: readonly KeptBlock[]): { bytes: Uint8Array; ticks: number; track: number }[] {
  const clusters: { bytes: Uint8Array; ticks: number; track: number }[] = [];
  let group: KeptBlock[] = [];
  const flush = () => {
    const first = group[0];
    if (first)
      clusters.push({ bytes: clusterElement(group, first.ticks), ticks: first.ticks, track: first.track });
    group = [];
  };
  for (const block of blocks) {
    const first = group[0];
    // About one cluster a second, as the muxer writes them, so players can seek by cue.
    if (first && (block.ticks - first.ticks >= 1000 || block.ticks - first.ticks > MAX_RELATIVE_TICKS))
      flush();
    group.push(block);
  }
  flush();
  return clusters;
}

/**
 * The WebM of `window` (milliseconds of the original): blocks starting in [startMs, endMs), re-timed to
 * start at 0. Throws on a file that is not the WebM the transcoder writes.
 */
export function cutWebmClip(webm: Uint8Array, window: WebmWindow): Uint8Array {
  const top = [...children(webm, 0, webm.length)];
  const header = top.find((entry) => entry.id === ID.ebml);
  const segment = top.find((entry) => entry.id === ID.segment);
  if (!header || !segment) throw new WebmFormatError("not a WebM file");
  let info: Element | undefined;
  let tracks: Element | undefined;
  const clusters: Element[] = [];
  for (const child of children(webm, segment.dataStart, segment.end)) {
    if (child.id === ID.info) info = child;
    else if (child.id === ID.tracks) tracks = child;
    else if (child.id === ID.cluster) clusters.push(child);
  }
  if (!info || !tracks) throw new WebmFormatError("WebM without Info or Tracks");
  let scaleNs = DEFAULT_TIMECODE_SCALE_NS;
  const infoParts: Uint8Array[] = [];
  for (const child of children(webm, info.dataStart, info.end)) {
    if (child.id === ID.timestampScale) scaleNs = readUint(webm, child);
    if (child.id !== ID.duration) infoParts.push(webm.slice(child.start, child.end));
  }
  const toTicks = (ms: number) => Math.round((ms * 1_000_000) / scaleNs);
  const startTicks = toTicks(window.startMs);
  const endTicks = toTicks(window.endMs);
  const kept: KeptBlock[] = [];
  for (const cluster of clusters) {
    let clusterTicks = 0;
    for (const child of children(webm, cluster.dataStart, cluster.end)) {
      if (child.id === ID.timestamp) clusterTicks = readUint(webm, child);
      if (child.id !== ID.simpleBlock && child.id !== ID.blockGroup) continue;
      const block = readBlock(webm, child, clusterTicks);
      if (block && block.ticks >= startTicks && block.ticks < endTicks) {
        kept.push({ ...block, ticks: block.ticks - startTicks });
      }
    }
  }
  infoParts.push(float(ID.duration, endTicks - startTicks, 8));
  const infoElement = element(ID.info, concat(infoParts));
  const tracksElement = webm.slice(tracks.start, tracks.end);
  const clusterElements = buildClusters(kept);

  // SeekHead first; its positions are written at a fixed width so its own size does not depend on them.
  const seekEntry = (id: number, position: number) =>
    element(
      ID.seek,
      concat([element(ID.seekId, uintBytes(id)), element(ID.seekPosition, uintBytes(position, 8))]),
    );
  const seekHeadSize = element(
    ID.seekHead,
    concat([seekEntry(ID.info, 0), seekEntry(ID.tracks, 0), seekEntry(ID.cues, 0)]),
  ).length;
  const infoAt = seekHeadSize;
  const tracksAt = infoAt + infoElement.length;
  let clusterAt = tracksAt + tracksElement.length;
  const cuePoints: Uint8Array[] = [];
  for (const cluster of clusterElements) {
    const positions = concat([
      element(ID.cueTrack, uintBytes(cluster.track)),
      element(ID.cueClusterPosition, uintBytes(clusterAt, 8)),
    ]);
    cuePoints.push(
      element(
        ID.cuePoint,
        concat([element(ID.cueTime, uintBytes(cluster.ticks)), element(ID.cueTrackPositions, positions)]),
      ),
    );
    clusterAt += cluster.bytes.length;
  }
  const cuesElement = element(ID.cues, concat(cuePoints));
  const seekHead = element(
    ID.seekHead,
    concat([seekEntry(ID.info, infoAt), seekEntry(ID.tracks, tracksAt), seekEntry(ID.cues, clusterAt)]),
  );
  const body = concat([
    seekHead,
    infoElement,
    tracksElement,
    ...clusterElements.map((c) => c.bytes),
    cuesElement,
  ]);
  return concat([webm.slice(header.start, header.end), element(ID.segment, body)]);
}
