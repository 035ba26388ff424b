import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from "mediabunny";
import { OpusDecoder } from "opus-decoder";
import { fft } from "./fft.js";
import { resample } from "./resample.js";

/** Decodes a stored WebM/Opus file back to 48 kHz PCM, one Float32Array per channel, pre-skip removed. */
export async function decodeStoredWebm(bytes: Uint8Array): Promise<Float32Array[]> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryAudioTrack();
    if (track?.codec !== "opus" || !track) throw new Error("no Opus track in the stored WebM");
    const config = await track.getDecoderConfig();
    const head = config?.description ? new Uint8Array(config.description as ArrayBuffer) : undefined;
    const preSkip = head && head.length >= 12 ? head[10]! | (head[11]! << 8) : 0;
    const decoder = new OpusDecoder({ channels: track.numberOfChannels, preSkip });
    await decoder.ready;
    const parts: Float32Array[][] = [];
    const sink = new EncodedPacketSink(track);
    for await (const packet of sink.packets()) {
      const out = decoder.decodeFrame(packet.data);
      if (out.errors.length > 0) throw new Error(`Opus decode error: ${out.errors[0]?.message}`);
      parts.push(out.channelData.map((c) => c.slice(0, out.samplesDecoded)));
    }
    decoder.free();
    return Array.from({ length: track.numberOfChannels }, (_, c) => {
      const total = parts.reduce((sum, p) => sum + p[c]!.length, 0);
      const joined = new Float32Array(total);
      let at = 0;
      for (const p of parts) {
        joined.set(p[c]!, at);
        at += p[c]!.length;
      }
      return joined;
    });
  } finally {
    input.dispose();
  }
}

/** The lag (in samples, ±maxLag) at which `test` best matches `reference`; codecs and resamplers delay a little. */
function bestLag(reference: Float32Array, test: Float32Array, maxLag: number): number {
  let best = 0;
  let bestScore = -Infinity;
  const n = Math.min(reference.length, test.length, 8000 * 20);
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let score = 0;
    for (let i = maxLag; i < n - maxLag; i++) score += reference[i]! * test[i + lag]!;
    if (score > bestScore) {
      bestScore = score;
      best = lag;
    }
  }
  return best;
}

export interface SpeechQuality {
  /** Mean segmental SNR over speech frames (20 ms, clamped to −10…35 dB). Higher is better. */
  segmentalSnrDb: number;
  /** Mean log-spectral distance over speech frames (32 ms Hann, 0–4 kHz). Lower is better. */
  logSpectralDistanceDb: number;
  /** Speech frames compared (frames within 40 dB of the loudest one). */
  frames: number;
}

/**
 * Objective speech quality of a decoded channel against its 8 kHz original: the decoded 48 kHz signal is
 * resampled to 8 kHz with the ingest resampler, aligned by cross-correlation, and compared on the frames
 * that carry speech. Segmental SNR rewards waveform fidelity; log-spectral distance is closer to what a
 * listener hears from a parametric codec (SILK), so both are reported.
 */
export function speechQuality(original8k: Float32Array, decoded48k: Float32Array): SpeechQuality {
  const decoded = resample(decoded48k, 48000, 8000);
  const lag = bestLag(original8k, decoded, 40);
  const length = Math.min(original8k.length, decoded.length - Math.max(0, lag)) - Math.max(0, -lag);
  const ref = original8k.subarray(Math.max(0, -lag), Math.max(0, -lag) + length);
  const test = decoded.subarray(Math.max(0, lag), Math.max(0, lag) + length);

  const frameEnergy = (signal: Float32Array, start: number, size: number) => {
    let e = 0;
    for (let i = start; i < start + size; i++) e += signal[i]! * signal[i]!;
    return e;
  };
  const FRAME = 160;
  let loudest = 0;
  for (let s = 0; s + FRAME <= length; s += FRAME) loudest = Math.max(loudest, frameEnergy(ref, s, FRAME));
  const threshold = loudest * 1e-4; // −40 dB
  let snrSum = 0;
  let snrFrames = 0;
  for (let s = 0; s + FRAME <= length; s += FRAME) {
    const energy = frameEnergy(ref, s, FRAME);
    if (energy < threshold) continue;
    let noise = 0;
    for (let i = s; i < s + FRAME; i++) noise += (ref[i]! - test[i]!) ** 2;
    snrSum += Math.max(-10, Math.min(35, 10 * Math.log10(energy / Math.max(noise, 1e-12))));
    snrFrames++;
  }

  const N = 256;
  const window = Float64Array.from({ length: N }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / N));
  const spectrum = (signal: Float32Array, start: number) => {
    const re = new Float64Array(N);
    const im = new Float64Array(N);
    for (let i = 0; i < N; i++) re[i] = signal[start + i]! * window[i]!;
    fft(re, im);
    return Array.from({ length: N / 2 + 1 }, (_, k) => re[k]! * re[k]! + im[k]! * im[k]!);
  };
  let lsdSum = 0;
  let lsdFrames = 0;
  const floor = loudest * 1e-4 * (N / FRAME);
  for (let s = 0; s + N <= length; s += N / 2) {
    if (frameEnergy(ref, s, N) < floor) continue;
    const a = spectrum(ref, s);
    const b = spectrum(test, s);
    // Bins more than 50 dB under the frame's strongest one are inaudible next to it: floor them there.
    const binFloor = Math.max(...a) * 1e-5;
    let sum = 0;
    for (let k = 1; k < a.length; k++)
      sum += (10 * Math.log10(Math.max(a[k]!, binFloor) / Math.max(b[k]!, binFloor))) ** 2;
    lsdSum += Math.sqrt(sum / (a.length - 1));
    lsdFrames++;
  }
  return {
    segmentalSnrDb: snrSum / Math.max(1, snrFrames),
    logSpectralDistanceDb: lsdSum / Math.max(1, lsdFrames),
    frames: snrFrames,
  };
}
