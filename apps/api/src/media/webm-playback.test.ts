import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, makeWav, readFixture, sinePcm16 } from "../../test/fixtures/audio/audio-fixtures.js";
import { webmBlocks } from "../../test/recordings-webm.js";
import { analyseAudio } from "./analyse-audio.js";
import { cutWebmClip } from "./cut-webm-clip.js";
import { decodeToPcm } from "./decode-to-pcm.js";
import { sniffAudio } from "./sniff-audio.js";
import { STORED_CONTENT_TYPE, transcodeToWebmOpus } from "./transcode-to-webm-opus.js";

const DEMO_CALL = new URL("../../demo-data/call-006.wav", import.meta.url);

// Proves the stored form plays, reports its duration and seeks in a real Chromium, served with Range support.
const files = new Map<string, Uint8Array>();
let server: Server;
let browser: Browser;
let origin: string;

function serveWithRanges(): Server {
  return createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>player</title>");
      return;
    }
    const body = files.get(path);
    if (!body) return void res.writeHead(404).end();
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? "");
    if (!range) {
      res.writeHead(200, {
        "content-type": STORED_CONTENT_TYPE,
        "accept-ranges": "bytes",
        "content-length": body.length,
      });
      return void res.end(body);
    }
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    res.writeHead(206, {
      "content-type": STORED_CONTENT_TYPE,
      "accept-ranges": "bytes",
      "content-range": `bytes ${start}-${end}/${body.length}`,
      "content-length": end - start + 1,
    });
    res.end(body.subarray(start, end + 1));
  });
}

interface ProbeResult {
  duration: number;
  canPlay: string;
  started: number;
  advanced: number;
  seekedTo: number;
  seekableEnd: number;
  decoded: [number, number];
  /** Of the decoded first channel, away from the edges. */
  rms: number;
  crossingsPerSecond: number;
}

// Runs inside the page (browser globals), so it is kept as source text rather than Node-typed TypeScript.
const PLAYER_PROBE = `async (src) => {
  const audio = document.createElement("audio");
  audio.src = src;
  document.body.append(audio);
  await new Promise((resolve, reject) => {
    audio.onloadedmetadata = resolve;
    audio.onerror = () => reject(new Error("media error " + audio.error?.code));
  });
  const duration = audio.duration;
  const canPlay = audio.canPlayType('audio/webm; codecs="opus"');
  await audio.play();
  const started = audio.currentTime;
  // Waits for playback to move (the state), not for a time: a busy machine may start it late.
  await new Promise((resolve) => {
    const moved = () => audio.currentTime > started && resolve();
    audio.ontimeupdate = moved;
    moved();
  });
  const advanced = audio.currentTime;
  audio.pause();
  audio.currentTime = duration / 2;
  await new Promise((resolve) => { audio.onseeked = resolve; });
  const seekedTo = audio.currentTime;
  const seekableEnd = audio.seekable.length ? audio.seekable.end(0) : 0;
  const decoded = await new AudioContext().decodeAudioData(await (await fetch(src)).arrayBuffer());
  const samples = decoded.getChannelData(0).subarray(decoded.sampleRate / 4, decoded.length - decoded.sampleRate / 4);
  let energy = 0;
  let crossings = 0;
  for (let i = 0; i < samples.length; i++) {
    energy += samples[i] * samples[i];
    if (i > 0 && (samples[i - 1] < 0) !== (samples[i] < 0)) crossings++;
  }
  return {
    duration, canPlay, started, advanced, seekedTo, seekableEnd,
    decoded: [decoded.duration, decoded.numberOfChannels],
    rms: Math.sqrt(energy / samples.length),
    crossingsPerSecond: crossings / (samples.length / decoded.sampleRate),
  };
}`;

async function storedForm(bytes: Uint8Array): Promise<Uint8Array> {
  const { pcm } = await decodeToPcm(bytes, sniffAudio(bytes));
  return await transcodeToWebmOpus(pcm);
}

beforeAll(async () => {
  files.set("/mulaw.webm", await storedForm(readFixture(FIXTURES.mulawMono8k)));
  files.set("/stereo.webm", await storedForm(readFixture(FIXTURES.pcm16Stereo8k)));
  files.set("/sine.webm", await storedForm(makeWav({ sampleRate: 16000, data: sinePcm16(440, 16000, 2) })));
  const long = await storedForm(makeWav({ sampleRate: 16000, data: sinePcm16(440, 16000, 6) }));
  files.set("/clip.webm", cutWebmClip(long, { startMs: 2500, endMs: 4500 }));
  // A demo call (24.0 s of stereo 8 kHz turns with pauses): its pauses are stored as DTX packets.
  const call = (await analyseAudio(new Uint8Array(readFileSync(DEMO_CALL)))).stored.bytes;
  expect(webmBlocks(call).blocks.some((block) => block.frame.length === 1)).toBe(true);
  files.set("/call.webm", call);
  server = serveWithRanges();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("stored WebM/Opus in Chromium", () => {
  it.each([
    ["/mulaw.webm", 3.0, 1],
    ["/stereo.webm", 1.5, 2],
    ["/clip.webm", 2.0, 1],
    ["/call.webm", 23.97, 2],
  ])("%s has its duration, plays, seeks and decodes", async (path, seconds, channels) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const result = (await page.evaluate(`(${PLAYER_PROBE})(${JSON.stringify(path)})`)) as ProbeResult;
    await page.close();
    expect(result.canPlay).toBe("probably");
    expect(result.duration).toBeGreaterThan(seconds - 0.1);
    expect(result.duration).toBeLessThan(seconds + 0.1);
    expect(result.advanced).toBeGreaterThan(result.started);
    expect(result.seekedTo).toBeCloseTo(result.duration / 2, 1);
    expect(result.seekableEnd).toBeGreaterThan(seconds - 0.1);
    expect(result.decoded[0]).toBeGreaterThan(seconds - 0.1);
    expect(result.decoded[1]).toBe(channels);
    expect(result.rms).toBeGreaterThan(0.01);
  });

  it("decodes to the same tone that was encoded (440 Hz at half scale)", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const result = (await page.evaluate(`(${PLAYER_PROBE})("/sine.webm")`)) as ProbeResult;
    await page.close();
    expect(result.crossingsPerSecond).toBeGreaterThan(870);
    expect(result.crossingsPerSecond).toBeLessThan(890);
    expect(result.rms).toBeGreaterThan(0.5 / Math.SQRT2 - 0.05);
    expect(result.rms).toBeLessThan(0.5 / Math.SQRT2 + 0.05);
  });
});
