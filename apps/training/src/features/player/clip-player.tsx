import { formatDuration } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MediaVia } from "../../lib/media-urls.js";
import { peaksQuery } from "./peaks.js";
import { PlayerControls } from "./player-controls.js";
import { handlePlayerKey } from "./player-shortcuts.js";
import { ShortcutsHelp } from "./shortcuts-help.js";
import { type ClipRange, type ProgressReport, useClipPlayback } from "./use-clip-playback.js";
import { Waveform, type WaveformMark } from "./waveform.js";

export interface ClipPlayerProps {
  recordingId: string;
  durationMs: number;
  /** The authorised streaming URL (lib/media-urls.ts). */
  src: string;
  /** The training path of `src`, so the waveform is fetched under the same answer as the audio. */
  via?: MediaVia;
  /**
   * When the API serves only a window of the call (a learner who reaches it only through a playlist
   * item, R10), that window in milliseconds of the recording: the audio's 0 is its start.
   */
  audioWindow?: ClipRange | null;
  /** Held to this range when `enforceClip`; drawn on the waveform either way. */
  clip: ClipRange | null;
  enforceClip: boolean;
  initialMs?: number | null;
  title: string;
  onProgress?: (report: ProgressReport) => void;
  onClipEnd?: () => void;
  onPrevious?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
  /** Curating: the clip region can be dragged, and `clipEditor` gets the playhead for "start here". */
  onClipChange?: (clip: ClipRange) => void;
  clipEditor?: (positionMs: number) => ReactNode;
  /** Feedback moments drawn on the waveform. */
  marks?: readonly WaveformMark[];
}

/**
 * The one player of the portal (playlists, own calls, disclosures, curating). The <audio> element
 * has no native controls and `controlsList="nodownload"`: there is no download affordance (R8).
 */
export function ClipPlayer(props: ClipPlayerProps) {
  const { recordingId, durationMs, src, initialMs, title, audioWindow } = props;
  const { t } = useTranslation();
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const peaks = useQuery(peaksQuery(recordingId, props.via));
  // The player works in the audio's own time; the recording's time is that plus the window's start.
  const offset = audioWindow?.startMs ?? 0;
  const mediaDurationMs = audioWindow ? audioWindow.endMs - audioWindow.startMs : durationMs;
  const toMedia = (range: ClipRange | null): ClipRange | null =>
    range ? { startMs: range.startMs - offset, endMs: range.endMs - offset } : null;
  const clip = toMedia(props.clip);
  const enforceClip = props.enforceClip || Boolean(audioWindow);
  const onProgress = props.onProgress;
  const playback = useClipPlayback({
    clip: enforceClip ? clip : null,
    initialMs: (initialMs ?? props.clip?.startMs ?? 0) - offset,
    ...(onProgress
      ? {
          onProgress: (report: ProgressReport) =>
            onProgress({
              ...report,
              positionMs: report.positionMs + offset,
              intervals: report.intervals.map(([from, to]) => [from + offset, to + offset]),
            }),
        }
      : {}),
    ...(props.onClipEnd ? { onClipEnd: props.onClipEnd } : {}),
  });
  const { audioRef } = playback;
  const attachAudio = useCallback(
    (element: HTMLAudioElement | null) => {
      audioRef.current = element;
      setAudio(element);
    },
    [audioRef],
  );
  const startMs = enforceClip && clip ? clip.startMs : 0;
  const endMs = enforceClip && clip ? clip.endMs : mediaDurationMs;
  const shortcutTarget = {
    toggle: playback.toggle,
    skip: playback.skip,
    seekToStart: () => playback.seekTo(startMs),
    seekToEnd: () => playback.seekTo(endMs),
    rate: playback.rate,
    setRate: playback.setRate,
    previous: props.onPrevious,
    next: props.onNext,
  };
  return (
    <section
      className="player"
      aria-label={t("player.region", { title })}
      onKeyDown={(event) => handlePlayerKey(event, shortcutTarget)}
    >
      {/* biome-ignore lint/a11y/useMediaCaption: no transcript may exist; customer data stays only in the audio (register item 5, R4). */}
      <audio
        ref={attachAudio}
        src={src}
        preload="auto"
        controlsList="nodownload noplaybackrate"
        onContextMenu={(event) => event.preventDefault()}
        data-testid="audio"
      />
      {playback.failed ? (
        <div className="alert alert--error" role="alert">
          {t("player.failed")}
        </div>
      ) : null}
      <Waveform
        audio={audio}
        peaks={peaks.isPending ? undefined : (peaks.data ?? null)}
        durationMs={mediaDurationMs}
        clip={clip}
        editable={Boolean(props.onClipChange)}
        {...(props.onClipChange ? { onClipChange: props.onClipChange } : {})}
        label={t("player.position", { title })}
        valueText={t("player.positionValue", {
          position: formatDuration(playback.positionMs + offset),
          duration: formatDuration(durationMs),
        })}
        positionMs={playback.positionMs}
        offsetMs={offset}
        {...(props.marks ? { marks: props.marks } : {})}
      />
      {props.clip ? (
        <p className="player__clip muted">
          {t("player.clipRange", {
            start: formatDuration(props.clip.startMs),
            end: formatDuration(props.clip.endMs),
          })}
        </p>
      ) : null}
      <PlayerControls
        playback={playback}
        startMs={startMs}
        endMs={endMs}
        onPrevious={props.onPrevious}
        onNext={props.onNext}
      />
      {props.clipEditor ? props.clipEditor(playback.positionMs) : null}
      <ShortcutsHelp />
    </section>
  );
}
