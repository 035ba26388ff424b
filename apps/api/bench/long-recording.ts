import type { DemoFile } from "./ingest-bench.js";

function chunkOffset(wav: Buffer, id: string): { start: number; size: number } | null {
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const size = wav.readUInt32LE(offset + 4);
    if (wav.toString("ascii", offset, offset + 4) === id) return { start: offset + 8, size };
    offset += 8 + size + (size % 2);
  }
  return null;
}

/**
 * A long call for the streaming benchmark: the PCM of a demo WAV repeated to `seconds`, in the same WAV
 * format, so whole-file and small-range reads differ (the demo calls are only 24–57 s long).
 */
export function longWavFrom(source: DemoFile, seconds: number, sourceRecordingId: string): DemoFile {
  const fmt = chunkOffset(source.bytes, "fmt ");
  const data = chunkOffset(source.bytes, "data");
  if (!fmt || !data) throw new Error(`${source.file} is not a WAV with fmt and data chunks`);
  const format = source.bytes.readUInt16LE(fmt.start);
  if (format !== 1) throw new Error(`${source.file} is not PCM`);
  const byteRate = source.bytes.readUInt32LE(fmt.start + 8);
  const blockAlign = source.bytes.readUInt16LE(fmt.start + 12);
  const pcm = source.bytes.subarray(data.start, data.start + data.size);
  let total = Math.floor((byteRate * seconds) / blockAlign) * blockAlign;
  const parts: Buffer[] = [];
  while (total > 0) {
    const piece = pcm.subarray(0, Math.min(total, pcm.length));
    parts.push(piece);
    total -= piece.length;
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "ascii");
  header.write("WAVE", 8, "ascii");
  const fmtChunk = source.bytes.subarray(fmt.start - 8, fmt.start + fmt.size);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write("data", 0, "ascii");
  dataHeader.writeUInt32LE(body.length, 4);
  const bytes = Buffer.concat([header, fmtChunk, dataHeader, body]);
  bytes.writeUInt32LE(bytes.length - 8, 4);
  return {
    file: `long-${seconds}s.wav`,
    path: source.path,
    bytes,
    metadata: { ...source.metadata, sourceRecordingId },
  };
}
