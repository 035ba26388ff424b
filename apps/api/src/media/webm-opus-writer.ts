import { BufferTarget, EncodedAudioPacketSource, EncodedPacket, Output, WebMOutputFormat } from "mediabunny";
import type { OpusPacket } from "./opus-encoder.js";

/**
 * Cluster layout of every stored file: a new Cluster starts with the first packet at or after this many
 * seconds into the current one. With 60 ms packets each Cluster holds exactly 50 packets = 3.00 s (the
 * last one less), and each has one CuePoint (CueTime = the cluster's first packet, CueClusterPosition =
 * its offset in the Segment). Clip-only listeners map a time range to whole clusters through the Cues.
 */
export const CLUSTER_SECONDS = 3;

/**
 * Muxes Opus packets into WebM with mediabunny: EBML header, SeekHead, Segment Info with Duration,
 * Tracks (A_OPUS, CodecPrivate = OpusHead), Clusters of SimpleBlocks, then Cues; the SeekHead points at
 * the Cues so players seek without reading the whole file. The output (about 0.11 MB per stereo
 * call-minute) is kept in memory until finish().
 */
export class WebmOpusWriter {
  static async create(options: { channels: 1 | 2; opusHead: Uint8Array }): Promise<WebmOpusWriter> {
    const target = new BufferTarget();
    const output = new Output({
      format: new WebMOutputFormat({ minimumClusterDuration: CLUSTER_SECONDS }),
      target,
    });
    const source = new EncodedAudioPacketSource("opus");
    output.addAudioTrack(source);
    await output.start();
    return new WebmOpusWriter(output, target, source, options);
  }

  private first = true;

  private constructor(
    private readonly output: Output,
    private readonly target: BufferTarget,
    private readonly source: EncodedAudioPacketSource,
    private readonly options: { channels: 1 | 2; opusHead: Uint8Array },
  ) {}

  /** Adds packets in order; `frameSamples48k` is each packet's duration in 48 kHz samples. */
  async add(packets: OpusPacket[], frameSamples48k: number): Promise<void> {
    for (const packet of packets) {
      const encoded = new EncodedPacket(packet.data, "key", packet.start48k / 48000, frameSamples48k / 48000);
      if (this.first) {
        this.first = false;
        await this.source.add(encoded, {
          decoderConfig: {
            codec: "opus",
            numberOfChannels: this.options.channels,
            sampleRate: 48000,
            description: this.options.opusHead,
          },
        });
      } else {
        await this.source.add(encoded);
      }
    }
  }

  async finish(): Promise<Uint8Array> {
    await this.output.finalize();
    const buffer = this.target.buffer;
    if (!buffer) throw new Error("WebM muxer produced no output.");
    return new Uint8Array(buffer);
  }
}
