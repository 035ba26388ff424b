import { useEffect, useRef } from "react";
import WaveSurfer from "wavesurfer.js";
import RegionsPlugin, { type Region } from "wavesurfer.js/plugins/regions";
import type { ClipRange } from "./use-clip-playback.js";
import { adoptWavesurferStyles, withCspSafeShadowStyles } from "./wavesurfer-shadow-css.js";

export interface WaveformProps {
  audio: HTMLAudioElement | null;
  /** Upper and lower peak channels; null when unavailable (flat line); undefined while loading. */
  peaks: [Float32Array, Float32Array] | null | undefined;
  durationMs: number;
  clip: ClipRange | null;
  /** Lets the region be dragged and resized (curating a clip). */
  editable?: boolean;
  onClipChange?: (clip: ClipRange) => void;
  label: string;
  valueText: string;
  positionMs: number;
  /** Where the audio's 0 lies in the recording (a served clip window), so the slider speaks recording time. */
  offsetMs?: number;
  /** Feedback moments drawn on the waveform (not draggable): a point or a range each. */
  marks?: readonly WaveformMark[];
}

export interface WaveformMark {
  id: string;
  startMs: number;
  endMs: number | null;
  kind: "praise" | "improve" | "question";
}

const MARK_COLOURS: Record<WaveformMark["kind"], string> = {
  praise: "rgba(26, 127, 75, 0.28)",
  improve: "rgba(180, 35, 24, 0.24)",
  question: "rgba(181, 122, 0, 0.28)",
};

const HEIGHT = 96;
const FLAT: [Float32Array, Float32Array] = [new Float32Array(2), new Float32Array(2)];

/**
 * The waveform drawn from precomputed peaks (no audio decoding in the browser), bound to the page's
 * own <audio> element so wavesurfer never fetches or exposes the file. Focusable as a slider.
 */
export function Waveform(props: WaveformProps) {
  const { audio, peaks, durationMs, clip, editable, onClipChange, label, valueText, positionMs } = props;
  const offsetMs = props.offsetMs ?? 0;
  const container = useRef<HTMLDivElement>(null);
  const regionRef = useRef<Region | null>(null);
  const onClipChangeRef = useRef(onClipChange);
  onClipChangeRef.current = onClipChange;
  const clipRef = useRef(clip);
  clipRef.current = clip;
  const marksRef = useRef(props.marks);
  marksRef.current = props.marks;
  const regionsRef = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const markRegions = useRef<Region[]>([]);
  const drawMarks = () => {
    const plugin = regionsRef.current;
    if (!plugin) return;
    for (const region of markRegions.current) region.remove();
    markRegions.current = (marksRef.current ?? []).map((mark) =>
      plugin.addRegion({
        id: `mark-${mark.id}`,
        start: mark.startMs / 1000,
        end: (mark.endMs ?? mark.startMs + 300) / 1000,
        color: MARK_COLOURS[mark.kind],
        drag: false,
        resize: false,
      }),
    );
  };

  useEffect(() => {
    const element = container.current;
    // Built once the peaks have settled, so it is never torn down and rebuilt under the pointer.
    if (!element || !audio || durationMs <= 0 || peaks === undefined) return;
    const regions = RegionsPlugin.create();
    regionsRef.current = regions;
    const wavesurfer = withCspSafeShadowStyles(() =>
      WaveSurfer.create({
        container: element,
        media: audio,
        peaks: peaks ?? FLAT,
        duration: durationMs / 1000,
        height: HEIGHT,
        waveColor: "#9fb4c7",
        progressColor: "#1f5f8b",
        cursorColor: "#b42318",
        cursorWidth: 2,
        barWidth: 2,
        barGap: 1,
        barRadius: 1,
        normalize: true,
        interact: true,
        plugins: [regions],
      }),
    );
    adoptWavesurferStyles(wavesurfer.getWrapper().getRootNode());
    const addRegion = () => {
      const range = clipRef.current;
      if (!range) return;
      regionRef.current = regions.addRegion({
        start: range.startMs / 1000,
        end: range.endMs / 1000,
        color: "rgba(31, 95, 139, 0.16)",
        drag: Boolean(editable),
        resize: Boolean(editable),
      });
    };
    const offReady = wavesurfer.on("ready", () => {
      addRegion();
      drawMarks();
    });
    const offUpdated = regions.on("region-updated", (region) => {
      if (region.id.startsWith("mark-")) return;
      onClipChangeRef.current?.({
        startMs: Math.round(region.start * 1000),
        endMs: Math.round(region.end * 1000),
      });
    });
    return () => {
      offReady();
      offUpdated();
      regionRef.current = null;
      regionsRef.current = null;
      markRegions.current = [];
      wavesurfer.destroy();
    };
  }, [audio, peaks, durationMs, editable]);

  // Clip changes from the buttons and inputs move the drawn region without rebuilding the waveform.
  useEffect(() => {
    const region = regionRef.current;
    if (!region || !clip) return;
    const start = clip.startMs / 1000;
    const end = clip.endMs / 1000;
    if (Math.abs(region.start - start) > 0.01 || Math.abs(region.end - end) > 0.01)
      region.setOptions({ start, end });
  }, [clip]);

  // Moments added or removed redraw their regions only.
  useEffect(() => {
    drawMarks();
  }, [props.marks]);

  return (
    <div
      ref={container}
      className="waveform"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={Math.round(((clip?.startMs ?? 0) + offsetMs) / 1000)}
      aria-valuemax={Math.round(((clip?.endMs ?? durationMs) + offsetMs) / 1000)}
      aria-valuenow={Math.round((positionMs + offsetMs) / 1000)}
      aria-valuetext={valueText}
    />
  );
}
