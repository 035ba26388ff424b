import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type BandProbe, createBandProbe, PROBE_MAX_SECONDS } from "./band-probe.js";
import { decodeWavBlock } from "./decode-wav.js";
import { resample } from "./resample.js";
import { sniffAudio } from "./sniff-audio.js";

/** The demo call's 8 kHz telephone channels (agent left, customer right). */
function telephoneCall(): Float32Array[] {
  const bytes = new Uint8Array(readFileSync(new URL("../../demo-data/call-006.wav", import.meta.url)));
  const sniffed = sniffAudio(bytes);
  const data = bytes.subarray(sniffed.dataOffset!, sniffed.dataOffset! + sniffed.dataLength!);
  return decodeWavBlock(data, "wav-pcm16", sniffed.channels);
}

/** Feeds the channels in decoder-sized blocks until a verdict; returns the samples it took. */
function feed(probe: BandProbe, channels: Float32Array[]): number {
  const length = channels[0]!.length;
  for (let at = 0; at < length; at += 4096) {
    probe.push(channels.map((samples) => samples.subarray(at, at + 4096)));
    if (probe.verdict) return Math.min(length, at + 4096);
  }
  return length;
}

/** Fricative-like 60 ms bursts of tones between 5 and 7 kHz every 400 ms, added to the left channel. */
function withFricatives(channels: Float32Array[], sampleRate: number): Float32Array[] {
  const left = channels[0]!.slice();
  for (let i = 0; i < left.length; i++) {
    if (i % Math.round(0.4 * sampleRate) >= 0.06 * sampleRate) continue;
    const t = i / sampleRate;
    for (const hz of [5000, 5700, 6300, 7000]) left[i]! += 0.05 * Math.sin(2 * Math.PI * hz * t + hz);
  }
  return [left, ...channels.slice(1)];
}

describe("band probe", () => {
  it("hears an 8 kHz call in a 16, 22.05 or 48 kHz container as telephone audio, within seconds", () => {
    const call = telephoneCall();
    for (const rate of [16000, 22050, 48000]) {
      const probe = createBandProbe(rate);
      const wide = call.map((samples) => resample(samples, 8000, rate));
      const taken = feed(probe, wide);
      expect(probe.verdict, `${rate} Hz`).toBe("telephone");
      expect(taken / rate, `${rate} Hz`).toBeLessThan(PROBE_MAX_SECONDS);
      expect(taken).toBeLessThan(wide[0]!.length);
    }
  });

  it("hears speech with energy above 4 kHz as wide-band", () => {
    const call = telephoneCall();
    for (const rate of [16000, 48000]) {
      const probe = createBandProbe(rate);
      feed(
        probe,
        withFricatives(
          call.map((samples) => resample(samples, 8000, rate)),
          rate,
        ),
      );
      expect(probe.verdict, `${rate} Hz`).toBe("wide");
    }
  });

  it("waits at most PROBE_MAX_SECONDS of silence, then calls it telephone audio", () => {
    const probe = createBandProbe(16000);
    const silence = [new Float32Array(16000 * (PROBE_MAX_SECONDS - 1))];
    feed(probe, silence);
    expect(probe.verdict).toBeNull();
    feed(probe, [new Float32Array(2 * 16000)]);
    expect(probe.verdict).toBe("telephone");
  });

  it("judges a source too short to decide on what it heard", () => {
    const half = telephoneCall().map((samples) => resample(samples.subarray(8000, 12000), 8000, 16000));
    const wide = createBandProbe(16000);
    feed(wide, withFricatives(half, 16000));
    expect(wide.verdict).toBeNull();
    expect(wide.finish()).toBe("wide");
    const telephone = createBandProbe(16000);
    feed(telephone, half);
    expect(telephone.finish()).toBe("telephone");
  });
});
