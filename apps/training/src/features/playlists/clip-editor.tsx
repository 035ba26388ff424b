import { formatDurationPrecise, parseDuration } from "@kuulo/ui";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { audioUrl } from "../../lib/media-urls.js";
import { ClipPlayer } from "../player/clip-player.js";
import type { ClipRange } from "../player/use-clip-playback.js";

interface Props {
  recordingId: string;
  durationMs: number;
  clip: ClipRange;
  onChange: (clip: ClipRange) => void;
  title: string;
  error?: string | undefined;
}

/**
 * Choosing a clip: drag or resize the region on the waveform, press "start here"/"end here" at the
 * playhead, or type the times. The trainer hears the whole recording while choosing.
 */
export function ClipEditor({ recordingId, durationMs, clip, onChange, title, error }: Props) {
  const { t } = useTranslation();
  const setStart = (startMs: number) =>
    onChange({ startMs: Math.max(0, Math.min(startMs, clip.endMs - 100)), endMs: clip.endMs });
  const setEnd = (endMs: number) =>
    onChange({ startMs: clip.startMs, endMs: Math.min(durationMs, Math.max(endMs, clip.startMs + 100)) });
  return (
    <div className="clip-editor">
      <ClipPlayer
        recordingId={recordingId}
        durationMs={durationMs}
        src={audioUrl(recordingId)}
        clip={clip}
        enforceClip={false}
        title={title}
        onClipChange={onChange}
        clipEditor={(positionMs) => (
          <div className="clip-editor__fields">
            <ClockInput label={t("editor.clipStart")} valueMs={clip.startMs} onCommit={setStart} />
            <button type="button" className="button" onClick={() => setStart(positionMs)}>
              {t("editor.startHere")}
            </button>
            <ClockInput label={t("editor.clipEnd")} valueMs={clip.endMs} onCommit={setEnd} />
            <button type="button" className="button" onClick={() => setEnd(positionMs)}>
              {t("editor.endHere")}
            </button>
          </div>
        )}
      />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A time typed as m:ss(.s); committed on blur or Enter, refused in place when it is not a time. */
function ClockInput({
  label,
  valueMs,
  onCommit,
}: {
  label: string;
  valueMs: number;
  onCommit: (ms: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(formatDurationPrecise(valueMs));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(formatDurationPrecise(valueMs));
    setInvalid(false);
  }, [valueMs]);
  const commit = () => {
    const parsed = parseDuration(text);
    if (parsed === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onCommit(parsed);
  };
  return (
    <div className={`field field--clock${invalid ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          }
        }}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        size={8}
      />
      {invalid ? (
        <p id={`${id}-error`} className="field__error">
          {t("editor.timeFormat")}
        </p>
      ) : null}
    </div>
  );
}
