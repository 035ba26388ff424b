import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from "mediabunny";
import { describe, expect, it } from "vitest";
import { webmBlocks, webmLayout } from "../../test/recordings-webm.js";
import { CLUSTER_SECONDS, WebmOpusWriter } from "./webm-opus-writer.js";

/** An OpusHead as libopus writes it: version 1, two channels, pre-skip 312, 8 kHz input, family 0. */
const OPUS_HEAD = new Uint8Array([
  ...new TextEncoder().encode("OpusHead"),
  1,
  2,
  0x38,
  0x01,
  0x40,
  0x1f,
  0,
  0,
  0,
  0,
  0,
]);
const PACKET_48K = 2880;

/** Packets of every size class an EBML size field has: 1 byte (DTX), up to 122 and 123 bytes on, ~1 kB. */
const packets = Array.from({ length: 130 }, (_, i) => ({
  data: new Uint8Array([1, 60, 122, 123, 200, 1000][i % 6]!).fill(i % 251),
  start48k: i * PACKET_48K,
}));

function written(): Uint8Array {
  const writer = WebmOpusWriter.create({ channels: 2, opusHead: OPUS_HEAD });
  writer.add(packets.slice(0, 7), PACKET_48K);
  writer.add(packets.slice(7), PACKET_48K);
  return writer.finish();
}

describe("WebmOpusWriter", () => {
  it("stores every packet untouched at its time, in 3-s clusters each named by a CuePoint", () => {
    const bytes = written();
    const { blocks, durationMs } = webmBlocks(bytes);
    expect(blocks.map((b) => b.timeMs)).toEqual(packets.map((_, i) => i * 60));
    expect(blocks.map((b) => new Uint8Array(b.frame))).toEqual(packets.map((p) => p.data));
    expect(durationMs).toBe(130 * 60);
    const layout = webmLayout(bytes);
    expect(layout.clusters.map((c) => c.timestampMs)).toEqual([0, 3000, 6000]);
    expect(layout.clusters.map((c) => c.blocks)).toEqual([50, 50, 30]);
    expect(layout.clusters.every((c) => c.lastBlockMs < CLUSTER_SECONDS * 1000)).toBe(true);
    expect(layout.cues).toEqual(
      layout.clusters.map((c) => ({ timeMs: c.timestampMs, clusterPosition: c.segmentOffset })),
    );
  });

  it("spends 6 bytes of container on a packet of up to 122 bytes and 7 up to 16 kB", () => {
    const bytes = written();
    const payload = packets.reduce((sum, p) => sum + p.data.length, 0);
    const perBlock = packets.reduce((sum, p) => sum + (p.data.length + 4 <= 126 ? 6 : 7), 0);
    const layout = webmLayout(bytes);
    // What is not a block: EBML header, SeekHead, Info, Tracks (with the OpusHead), cluster heads, Cues.
    // Blocks sized in 4 bytes, as mediabunny wrote them, would add 390 bytes here.
    const fixed = bytes.length - payload - perBlock;
    expect(fixed).toBeGreaterThan(0);
    expect(fixed).toBeLessThanOrEqual(250 + 15 * layout.clusters.length);
  });

  it("is read back by a general WebM demuxer (mediabunny) with its OpusHead, channels and packets", async () => {
    const input = new Input({ source: new BufferSource(written()), formats: ALL_FORMATS });
    try {
      const track = await input.getPrimaryAudioTrack();
      expect(track?.codec).toBe("opus");
      expect(track?.numberOfChannels).toBe(2);
      const config = await track!.getDecoderConfig();
      expect(new Uint8Array(config!.description as ArrayBuffer)).toEqual(OPUS_HEAD);
      const read: number[] = [];
      for await (const packet of new EncodedPacketSink(track!).packets()) read.push(packet.data.length);
      expect(read).toEqual(packets.map((p) => p.data.length));
    } finally {
      input.dispose();
    }
  });
});
