import { invalidAudio, unsupportedAudio } from "./audio-errors.js";
import type { SniffedAudio } from "./audio-types.js";
import type { ByteSource } from "./byte-source.js";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32 (polynomial 0x04c11db7, not reflected) over a page whose CRC field reads as zero. */
export function oggPageCrc(page: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < page.length; i++) {
    const byte = i >= 22 && i < 26 ? 0 : page[i]!;
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  }
  return crc;
}

const isCapturePattern = (bytes: Uint8Array, at: number) =>
  bytes[at] === 0x4f && bytes[at + 1] === 0x67 && bytes[at + 2] === 0x67 && bytes[at + 3] === 0x53;

export const looksLikeOgg = (bytes: Uint8Array) => bytes.length >= 4 && isCapturePattern(bytes, 0);

interface OggPage {
  flags: number;
  granule: number;
  serial: number;
  sequence: number;
  body: Uint8Array;
  end: number;
}

/** Reads and checks one page; its body is a view valid until the source's next read. */
function readPage(source: ByteSource, at: number): OggPage {
  if (at + 27 > source.length)
    throw invalidAudio(`Ogg is truncated inside the page header at byte ${at}.`, "audio.truncated");
  // The largest page: 27 header bytes, 255 lacing values, 255 × 255 body bytes.
  const bytes = source.read(at, 27 + 255 + 255 * 255);
  if (!isCapturePattern(bytes, 0)) throw invalidAudio(`Ogg is corrupt: no page at byte ${at}.`);
  if (bytes[4] !== 0) throw unsupportedAudio(`Ogg stream structure version ${bytes[4]} is unknown.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, 27);
  const segments = bytes[26]!;
  if (27 + segments > bytes.length)
    throw invalidAudio("Ogg is truncated inside a lacing table.", "audio.truncated");
  let bodyLength = 0;
  for (let i = 0; i < segments; i++) bodyLength += bytes[27 + i]!;
  const length = 27 + segments + bodyLength;
  if (length > bytes.length)
    throw invalidAudio(`Ogg is truncated: the page at byte ${at} is incomplete.`, "audio.truncated");
  if (oggPageCrc(bytes.subarray(0, length)) !== view.getUint32(22, true)) {
    throw invalidAudio(`Ogg is corrupt: checksum mismatch in the page at byte ${at}.`);
  }
  const low = view.getUint32(6, true);
  const high = view.getUint32(10, true);
  return {
    flags: bytes[5]!,
    granule: high === 0xffffffff && low === 0xffffffff ? -1 : high * 2 ** 32 + low,
    serial: view.getUint32(14, true),
    sequence: view.getUint32(18, true),
    body: bytes.subarray(27 + segments, length),
    end: at + length,
  };
}

function readOpusHead(page: OggPage): { channels: 1 | 2; preSkip: number; inputRate: number } {
  const head = page.body;
  if (head.length < 8 || String.fromCharCode(...head.subarray(0, 8)) !== "OpusHead") {
    throw unsupportedAudio(
      "Ogg stream is not Opus (no OpusHead in the first page); only Ogg Opus is accepted.",
    );
  }
  if ((page.flags & 2) === 0) throw invalidAudio("Ogg Opus first page lacks the beginning-of-stream flag.");
  if (head.length < 19) throw invalidAudio("OpusHead is shorter than 19 bytes.", "audio.truncated");
  if ((head[8]! & 0xf0) !== 0) throw unsupportedAudio(`OpusHead version ${head[8]} is not supported.`);
  const channels = head[9]!;
  if (channels === 0) throw invalidAudio("OpusHead declares zero channels.", "audio.no_channels");
  if (channels > 2)
    throw unsupportedAudio(`Ogg Opus has ${channels} channels; mono or stereo only.`, "audio.channels");
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  return {
    channels: channels as 1 | 2,
    preSkip: view.getUint16(10, true),
    inputRate: view.getUint32(12, true),
  };
}

/** Checks every page (capture pattern, CRC, one logical stream, sequence, end-of-stream) and reads the duration. */
export function sniffOggOpus(source: ByteSource): SniffedAudio {
  const first = readPage(source, 0);
  const head = readOpusHead(first);
  let page = first;
  let lastGranule = 0;
  while (page.end < source.length) {
    const next = readPage(source, page.end);
    if (next.serial !== first.serial)
      throw unsupportedAudio("Ogg file multiplexes several streams; one Opus stream only.");
    if (next.sequence !== page.sequence + 1)
      throw invalidAudio(`Ogg is corrupt: page ${page.sequence + 1} is missing.`);
    if (next.granule >= 0) lastGranule = next.granule;
    page = next;
  }
  if ((page.flags & 4) === 0)
    throw invalidAudio("Ogg Opus is truncated: no end-of-stream page.", "audio.truncated");
  const samples = lastGranule - head.preSkip;
  if (samples <= 0) throw invalidAudio("Ogg Opus contains no audio samples.", "audio.empty");
  return {
    format: "ogg-opus",
    channels: head.channels,
    sampleRate: 48000,
    estimatedDurationMs: (samples * 1000) / 48000,
  };
}
