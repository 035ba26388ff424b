/**
 * Writing EBML, the binary format of WebM: the element ids of the subset Kuulo writes (Matroska names),
 * and elements with every size in the fewest bytes. Shared by the muxer of the stored form and the clip
 * cutter, so both files write the same way.
 */

export const WEBM_ID = {
  ebml: 0x1a45dfa3,
  ebmlVersion: 0x4286,
  ebmlReadVersion: 0x42f7,
  ebmlMaxIdLength: 0x42f2,
  ebmlMaxSizeLength: 0x42f3,
  docType: 0x4282,
  docTypeVersion: 0x4287,
  docTypeReadVersion: 0x4285,
  segment: 0x18538067,
  seekHead: 0x114d9b74,
  seek: 0x4dbb,
  seekId: 0x53ab,
  seekPosition: 0x53ac,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  muxingApp: 0x4d80,
  writingApp: 0x5741,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackUid: 0x73c5,
  trackType: 0x83,
  flagLacing: 0x9c,
  language: 0x22b59c,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  seekPreRoll: 0x56bb,
  audio: 0xe1,
  samplingFrequency: 0xb5,
  channels: 0x9f,
  cluster: 0x1f43b675,
  timestamp: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  cues: 0x1c53bb6b,
  cuePoint: 0xbb,
  cueTime: 0xb3,
  cueTrackPositions: 0xb7,
  cueTrack: 0xf7,
  cueClusterPosition: 0xf1,
} as const;

/** Big-endian unsigned integer in `width` bytes (default: the fewest that hold it, at least one). */
export function uintBytes(value: number, width?: number): Uint8Array {
  let length = width ?? 1;
  while (!width && value >= 256 ** length) length++;
  const bytes = new Uint8Array(length);
  for (let i = length - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) bytes[i] = v % 256;
  return bytes;
}

/** EBML data size in the fewest bytes; a value of all ones is reserved ("unknown size"), so it takes one more. */
export function sizeVint(size: number): Uint8Array {
  let length = 1;
  while (size >= 2 ** (7 * length) - 1) length++;
  const bytes = uintBytes(size, length);
  bytes[0]! |= 0x80 >> (length - 1);
  return bytes;
}

export const concat = (parts: Uint8Array[]): Uint8Array => {
  const joined = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
};

/** An element: its id (which carries its own length marker), its size, its data. */
export const element = (id: number, ...data: Uint8Array[]): Uint8Array => {
  const body = concat(data);
  return concat([uintBytes(id), sizeVint(body.length), body]);
};
export const uint = (id: number, value: number, width?: number) => element(id, uintBytes(value, width));
export const text = (id: number, value: string) => element(id, new TextEncoder().encode(value));
export const float = (id: number, value: number, bytes: 4 | 8) => {
  const data = new Uint8Array(bytes);
  const view = new DataView(data.buffer);
  if (bytes === 8) view.setFloat64(0, value);
  else view.setFloat32(0, value);
  return element(id, data);
};
