import { formatDuration } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import type { ClipPlayback } from "./use-clip-playback.js";
import { PLAYBACK_RATES } from "./use-clip-playback.js";

export interface PlayerControlsProps {
  playback: ClipPlayback;
  startMs: number;
  endMs: number;
  onPrevious?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
}

export function PlayerControls({ playback, startMs, endMs, onPrevious, onNext }: PlayerControlsProps) {
  const { t } = useTranslation();
  const elapsed = Math.max(0, playback.positionMs - startMs);
  return (
    <div className="player__controls">
      <div className="player__buttons">
        {onPrevious ? (
          <button type="button" className="button" onClick={onPrevious}>
            {t("player.previous")}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => playback.skip(-10_000)}
          disabled={!playback.ready}
        >
          {t("player.back10")}
        </button>
        <button
          type="button"
          className="button button--primary player__play"
          onClick={playback.toggle}
          disabled={!playback.ready}
          data-testid="play-pause"
        >
          <span aria-hidden="true">{playback.playing ? "❚❚ " : "▶ "}</span>
          {playback.playing ? t("player.pause") : t("player.play")}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => playback.skip(10_000)}
          disabled={!playback.ready}
        >
          {t("player.forward10")}
        </button>
        {onNext ? (
          <button type="button" className="button" onClick={onNext}>
            {t("player.next")}
          </button>
        ) : null}
      </div>
      <div className="player__meta">
        <span className="player__clock" aria-live="off">
          {formatDuration(elapsed)} / {formatDuration(endMs - startMs)}
        </span>
        <label className="player__speed">
          <span>{t("player.speed")}</span>
          <select
            value={String(playback.rate)}
            onChange={(event) => playback.setRate(Number(event.target.value))}
            data-testid="speed"
          >
            {PLAYBACK_RATES.map((rate) => (
              <option key={rate} value={String(rate)}>
                {`${rate.toLocaleString(t("locale"))}×`}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
