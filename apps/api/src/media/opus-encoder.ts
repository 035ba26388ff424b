import { createRequire } from "node:module";

/** The emscripten module inside opusscript (libopus 1.4 compiled to WASM). */
interface OpusNative {
  OpusScriptHandler: {
    new (sampleRate: number, channels: number, application: number): OpusHandler;
    destroy_handler(handler: OpusHandler): void;
  };
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  HEAPU8: Uint8Array;
  HEAPU16: Uint16Array;
}
interface OpusHandler {
  _encode(input: number, bytes: number, output: number, frameSize: number): number;
  _encoder_ctl(request: number, value: number): number;
}

const OPUS_APPLICATION_VOIP = 2048;
const OPUS_SET_BITRATE_REQUEST = 4002;
const OPUS_SET_COMPLEXITY_REQUEST = 4010;
const OPUS_SET_SIGNAL_REQUEST = 4024;
const OPUS_SIGNAL_VOICE = 3001;
const OPUS_RESET_STATE = 4028;
const MAX_PACKET_BYTES = 1276 * 3;

let native: OpusNative | undefined;
const loadNative = (): OpusNative => {
  native ??= (
    createRequire(import.meta.url)("opusscript/build/opusscript_native_wasm.js") as () => OpusNative
  )();
  return native;
};

/**
 * Speech Opus encoder on opusscript's WASM libopus, driven directly: opusscript 0.1.1's JS wrapper
 * writes its input at twice the malloc'd address (a Uint16Array indexed by a byte pointer), corrupting
 * the WASM heap once frames grow or instances accumulate. Here the buffer is sized and addressed
 * correctly: the native _encode expects one byte of little-endian PCM per 16-bit slot.
 * The native handler leaks a buffer when destroyed, so encoders are reused (see shared()).
 */
export class OpusSpeechEncoder {
  private static readonly pool = new Map<string, OpusSpeechEncoder>();

  /** One long-lived encoder per channel count and frame size, reset and reconfigured for each recording. */
  static shared(channels: 1 | 2, frameSamples: number, options: { bitrate: number; complexity: number }) {
    const id = `${channels}/${frameSamples}`;
    let encoder = OpusSpeechEncoder.pool.get(id);
    if (!encoder) {
      encoder = new OpusSpeechEncoder(channels, frameSamples, options);
      OpusSpeechEncoder.pool.set(id, encoder);
    }
    encoder.configure(options);
    return encoder;
  }

  private readonly opus = loadNative();
  private readonly handler: OpusHandler;
  private readonly input: number;
  private readonly output: number;

  constructor(
    readonly channels: 1 | 2,
    readonly frameSamples: number,
    options: { bitrate: number; complexity: number },
  ) {
    this.handler = new this.opus.OpusScriptHandler(48000, channels, OPUS_APPLICATION_VOIP);
    this.input = this.opus._malloc(frameSamples * channels * 2 * 2);
    this.output = this.opus._malloc(MAX_PACKET_BYTES);
    this.configure(options);
  }

  /** Starts a new stream: fresh codec state, then bitrate, complexity and the speech signal hint. */
  configure(options: { bitrate: number; complexity: number }): void {
    this.control(OPUS_RESET_STATE, 0);
    this.control(OPUS_SET_BITRATE_REQUEST, options.bitrate);
    this.control(OPUS_SET_COMPLEXITY_REQUEST, options.complexity);
    this.control(OPUS_SET_SIGNAL_REQUEST, OPUS_SIGNAL_VOICE);
  }

  private control(request: number, value: number): void {
    const result = this.handler._encoder_ctl(request, value);
    if (result < 0) throw new Error(`Opus encoder control ${request}=${value} failed (${result}).`);
  }

  /** Encodes one frame of interleaved 16-bit samples (frameSamples × channels) into one Opus packet. */
  encode(interleaved: Int16Array): Uint8Array {
    const bytes = interleaved.length * 2;
    const slots = this.opus.HEAPU16.subarray(this.input >> 1, (this.input >> 1) + bytes);
    for (let i = 0; i < interleaved.length; i++) {
      const sample = interleaved[i]! & 0xffff;
      slots[2 * i] = sample & 0xff;
      slots[2 * i + 1] = sample >> 8;
    }
    const length = this.handler._encode(this.input, bytes, this.output, this.frameSamples);
    if (length < 0) throw new Error(`Opus encoding failed (${length}).`);
    return this.opus.HEAPU8.slice(this.output, this.output + length);
  }

  close(): void {
    this.opus.OpusScriptHandler.destroy_handler(this.handler);
    this.opus._free(this.input);
    this.opus._free(this.output);
  }
}
