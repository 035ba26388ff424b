import { useCallback, useEffect, useRef, useState } from "react";
import { type PlayedInterval, PlayedIntervalsTracker } from "./played-intervals.js";

export interface ClipRange {
  startMs: number;
  endMs: number;
}

export type ProgressReason = "interval" | "pause" | "end" | "leave";

export interface ProgressReport {
  intervals: PlayedInterval[];
  positionMs: number;
  reason: ProgressReason;
}

export interface ClipPlaybackOptions {
  /** The clip the listener is held to (start at its start, stop at its end); null = whole recording. */
  clip: ClipRange | null;
  /** Where to start when the audio is ready (resume point); defaults to the clip start. */
  initialMs?: number | null;
  /** Called with what was actually heard every few seconds while playing, and on pause, end and leave. */
  onProgress?: (report: ProgressReport) => void;
  onClipEnd?: () => void;
}

export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;
const REPORT_EVERY_MS = 5_000;
/** Position samples come every frame or every ~250 ms (background tab); 2× speed doubles the step. */
const MAX_CONTINUOUS_STEP_MS = 3_000;

/**
 * Drives one <audio> element: play/pause, seeking and speed, holding playback inside the clip, and
 * tracking the stretches actually heard so progress reflects listening rather than clicking.
 */
export function useClipPlayback({ clip, initialMs, onProgress, onClipEnd }: ClipPlaybackOptions) {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState(false);
  const [positionMs, setPositionMs] = useState(initialMs ?? clip?.startMs ?? 0);

  const [rate, setRateState] = useState(1);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const tracker = useRef(new PlayedIntervalsTracker(MAX_CONTINUOUS_STEP_MS));
  const latest = useRef({ clip, onProgress, onClipEnd });
  latest.current = { clip, onProgress, onClipEnd };
  // Fixed for one mounted player (the parent keys it by item): later refetches must not move the playhead.
  const startAt = useRef(initialMs ?? clip?.startMs ?? 0);
  const lastReported = useRef(startAt.current);

  const report = useCallback((reason: ProgressReason) => {
    const audio = audioRef.current;
    const intervals = tracker.current.drain();
    if (!audio || !latest.current.onProgress) return;
    const positionMs = Math.round(audio.currentTime * 1000);
    // Nothing heard and the playhead where it was: nothing worth a request (e.g. StrictMode remounts).
    if (
      intervals.length === 0 &&
      (reason === "interval" || Math.abs(positionMs - lastReported.current) < 500)
    )
      return;
    lastReported.current = positionMs;
    latest.current.onProgress({ intervals, positionMs, reason });
  }, []);

  const clamp = useCallback((ms: number) => {
    const range = latest.current.clip;
    const audio = audioRef.current;
    const durationMs =
      audio && Number.isFinite(audio.duration) ? audio.duration * 1000 : Number.POSITIVE_INFINITY;
    const low = range ? range.startMs : 0;
    const high = Math.min(range ? range.endMs : durationMs, durationMs);
    return Math.min(Math.max(ms, low), high);
  }, []);

  // Sample the position every frame while playing: progress, the clip end, and the visible clock.
  const sample = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    const ms = audio.currentTime * 1000;
    const range = latest.current.clip;
    if (!audio.paused && !audio.seeking) tracker.current.tick(ms);
    if (range && !audio.paused && ms >= range.endMs - 20) {
      tracker.current.tick(range.endMs);
      audio.pause();
      audio.currentTime = range.endMs / 1000;
      setPositionMs(range.endMs);
      report("end");
      latest.current.onClipEnd?.();
      return;
    }
    setPositionMs(Math.round(ms / 100) * 100);
  }, [report]);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    let frame = 0;
    const loop = () => {
      sample();
      if (!audio.paused) frame = requestAnimationFrame(loop);
    };
    const start = () => {
      const startMs = clamp(startAt.current);
      audio.currentTime = startMs / 1000;
      setPositionMs(startMs);
      setReady(true);
    };
    const onPlay = () => {
      setPlaying(true);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(loop);
    };
    const onPause = () => {
      setPlaying(false);
      cancelAnimationFrame(frame);
      sample();
      tracker.current.break();
      report("pause");
    };
    const onSeeking = () => {
      tracker.current.break();
      const ms = audio.currentTime * 1000;
      const clamped = clamp(ms);
      if (Math.abs(clamped - ms) > 1) audio.currentTime = clamped / 1000;
      setPositionMs(Math.round(clamped));
    };
    const onEnded = () => {
      setPlaying(false);
      tracker.current.break();
      report("end");
      latest.current.onClipEnd?.();
    };
    const onError = () => setFailed(true);
    const onRate = () => setRateState(audio.playbackRate);
    audio.addEventListener("loadedmetadata", start);
    audio.addEventListener("play", onPlay);
    audio.addEventListener("pause", onPause);
    audio.addEventListener("seeking", onSeeking);
    audio.addEventListener("timeupdate", sample);
    audio.addEventListener("ended", onEnded);
    audio.addEventListener("error", onError);
    audio.addEventListener("ratechange", onRate);
    if (audio.readyState >= 1) start();
    const timer = window.setInterval(() => {
      if (!audio.paused) report("interval");
    }, REPORT_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      cancelAnimationFrame(frame);
      audio.removeEventListener("loadedmetadata", start);
      audio.removeEventListener("play", onPlay);
      audio.removeEventListener("pause", onPause);
      audio.removeEventListener("seeking", onSeeking);
      audio.removeEventListener("timeupdate", sample);
      audio.removeEventListener("ended", onEnded);
      audio.removeEventListener("error", onError);
      audio.removeEventListener("ratechange", onRate);
      tracker.current.break();
      report("leave");
    };
  }, [clamp, report, sample]);

  const play = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    const range = latest.current.clip;
    if (range && audio.currentTime * 1000 >= range.endMs - 50) audio.currentTime = range.startMs / 1000;
    audio.play().catch(() => {
      // Autoplay refusals and aborted loads leave the player paused; the error event covers real failures.
    });
  }, []);

  const pause = useCallback(() => audioRef.current?.pause(), []);
  const toggle = useCallback(() => (audioRef.current?.paused ? play() : pause()), [play, pause]);

  const seekTo = useCallback(
    (ms: number) => {
      const audio = audioRef.current;
      if (!audio) return;
      const target = clamp(ms);
      audio.currentTime = target / 1000;
      setPositionMs(Math.round(target));
    },
    [clamp],
  );

  const skip = useCallback(
    (deltaMs: number) => seekTo((audioRef.current?.currentTime ?? 0) * 1000 + deltaMs),
    [seekTo],
  );

  const setRate = useCallback((next: number) => {
    const audio = audioRef.current;
    if (audio) audio.playbackRate = next;
    setRateState(next);
  }, []);

  return { audioRef, playing, positionMs, rate, ready, failed, play, pause, toggle, seekTo, skip, setRate };
}

export type ClipPlayback = ReturnType<typeof useClipPlayback>;
