import LibAVFactory from "@libav.js/variant-opus-af";

type LibAVInstance = Awaited<ReturnType<typeof LibAVFactory.LibAV>> & LibAVFactory.LibAVSync;

/** libopus' input rates; any other source rate is resampled up to the next one of these. */
export const OPUS_INPUT_RATES = [8000, 12000, 16000, 24000, 48000] as const;
export type OpusInputRate = (typeof OPUS_INPUT_RATES)[number];

export const opusInputRate = (sourceRate: number): OpusInputRate =>
  OPUS_INPUT_RATES.find((rate) => rate >= sourceRate) ?? 48000;

export interface OpusEncoderOptions {
  sampleRate: OpusInputRate;
  channels: 1 | 2;
  /** Target bitrate in bit/s (VBR). */
  bitrate: number;
  /** libopus complexity 0–10. */
  complexity: number;
  /** Packet duration in milliseconds. */
  frameMs: 20 | 40 | 60;
  /**
   * Discontinuous transmission: after 200 ms without speech on both channels libopus sends a TOC-only
   * (1-byte) packet for each frame, and a comfort-noise update every 400 ms.
   */
  dtx: boolean;
}

export interface OpusPacket {
  data: Uint8Array;
  /** Start of the packet in 48 kHz samples from the start of the stream (pre-skip included). */
  start48k: number;
}

/** One libav.js (FFmpeg + libopus 1.6, WASM) per thread, loaded on first use. */
let instance: Promise<LibAVInstance> | undefined;
const loadLibAV = (): Promise<LibAVInstance> => {
  instance ??= LibAVFactory.LibAV({ noworker: true, nothreads: true }) as Promise<LibAVInstance>;
  return instance;
};

/** Frames handed to libopus per call: fewer crossings into WASM, a bounded amount of memory. */
const FRAMES_PER_BATCH = 50;

/**
 * A streaming Opus encoder on the libopus inside libav.js (FFmpeg's libopus wrapper, VOIP application,
 * VBR, optionally DTX). Feed it planar PCM at `sampleRate` in blocks of any size; it encodes whole frames
 * as they fill and the padded last frame on finish(). `opusHead` is the OpusHead identification header
 * (with the encoder's pre-skip) that WebM stores as CodecPrivate.
 */
export class OpusStreamEncoder {
  static async create(options: OpusEncoderOptions): Promise<OpusStreamEncoder> {
    return new OpusStreamEncoder(await loadLibAV(), options);
  }

  readonly opusHead: Uint8Array;
  readonly frameSamples: number;
  private readonly context: number;
  private readonly frame: number;
  private readonly packet: number;
  private readonly pending: Float32Array;
  private filled = 0;
  private batch: LibAVFactory.Frame[] = [];
  private framesIn = 0;
  private packetsOut = 0;
  private closed = false;

  private constructor(
    private readonly libav: LibAVInstance,
    readonly options: OpusEncoderOptions,
  ) {
    const { sampleRate, channels } = options;
    const [, context, frame, packet, frameSamples] = libav.ff_init_encoder_sync("libopus", {
      ctx: {
        sample_rate: sampleRate,
        channels,
        channel_layout: channels === 1 ? 4 : 3,
        sample_fmt: libav.AV_SAMPLE_FMT_FLT,
        bit_rate: options.bitrate,
      },
      time_base: [1, sampleRate],
      options: {
        application: "voip",
        frame_duration: String(options.frameMs),
        compression_level: String(options.complexity),
        vbr: "on",
        dtx: options.dtx ? "1" : "0",
      },
    });
    this.context = context;
    this.frame = frame;
    this.packet = packet;
    this.frameSamples = frameSamples;
    this.pending = new Float32Array(frameSamples * channels);
    this.opusHead = libav
      .copyout_u8_sync(
        libav.AVCodecContext_extradata_sync(context),
        libav.AVCodecContext_extradata_size_sync(context),
      )
      .slice();
    if (this.opusHead.length < 19) throw new Error("libopus returned no OpusHead.");
  }

  /** Samples the decoder drops at the start (OpusHead pre-skip, 48 kHz). */
  get preSkip(): number {
    return this.opusHead[10]! | (this.opusHead[11]! << 8);
  }

  /** Adds planar samples; returns the packets completed so far (in order). */
  push(channels: Float32Array[]): OpusPacket[] {
    const count = this.options.channels;
    const length = channels[0]?.length ?? 0;
    let packets: OpusPacket[] = [];
    for (let i = 0; i < length; i++) {
      for (let c = 0; c < count; c++) this.pending[this.filled * count + c] = channels[c]![i]!;
      if (++this.filled === this.frameSamples) {
        this.queueFrame(this.frameSamples);
        if (this.batch.length >= FRAMES_PER_BATCH) packets = packets.concat(this.encode(false));
      }
    }
    return packets;
  }

  /** Encodes what is left (the last frame zero-padded) and the encoder's look-ahead; frees the encoder. */
  finish(): OpusPacket[] {
    if (this.filled > 0) this.queueFrame(this.filled);
    const packets = this.encode(true);
    this.close();
    return packets;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.libav.ff_free_encoder_sync(this.context, this.frame, this.packet);
  }

  private queueFrame(samples: number): void {
    const { sampleRate, channels } = this.options;
    this.batch.push({
      data: this.pending.slice(0, samples * channels),
      format: this.libav.AV_SAMPLE_FMT_FLT,
      channels,
      channel_layout: channels === 1 ? 4 : 3,
      sample_rate: sampleRate,
      nb_samples: samples,
      pts: this.framesIn * this.frameSamples,
    });
    this.framesIn++;
    this.filled = 0;
  }

  private encode(final: boolean): OpusPacket[] {
    const out = this.libav.ff_encode_multi_sync(this.context, this.frame, this.packet, this.batch, final);
    this.batch = [];
    const samples48k = (this.frameSamples * 48000) / this.options.sampleRate;
    return out.map((packet) => ({ data: packet.data, start48k: this.packetsOut++ * samples48k }));
  }
}
