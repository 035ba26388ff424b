import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatClock } from "../../lib/clock-time.js";
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
  const { recordingId, durationMs, src, clip, enforceClip, initialMs, title } = props;
  const { t } = useTranslation();
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const peaks = useQuery(peaksQuery(recordingId));
  const playback = useClipPlayback({
    clip: enforceClip ? clip : null,
    initialMs: initialMs ?? clip?.startMs ?? 0,
    ...(props.onProgress ? { onProgress: props.onProgress } : {}),
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
  const endMs = enforceClip && clip ? clip.endMs : durationMs;
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
        durationMs={durationMs}
        clip={clip}
        editable={Boolean(props.onClipChange)}
        {...(props.onClipChange ? { onClipChange: props.onClipChange } : {})}
        label={t("player.position", { title })}
        valueText={t("player.positionValue", {
          position: formatClock(playback.positionMs),
          duration: formatClock(durationMs),
        })}
        positionMs={playback.positionMs}
        {...(props.marks ? { marks: props.marks } : {})}
      />
      {clip ? (
        <p className="player__clip muted">
          {t("player.clipRange", { start: formatClock(clip.startMs), end: formatClock(clip.endMs) })}
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
