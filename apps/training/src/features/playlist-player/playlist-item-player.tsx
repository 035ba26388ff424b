import { useTranslation } from "react-i18next";
import { audioUrl } from "../../lib/media-urls.js";
import { ClipPlayer } from "../player/clip-player.js";
import type { TrainingItem, TrainingPlaylist } from "./playlist-player-page.js";
import { useProgressSink } from "./use-progress-sink.js";

interface Props {
  playlist: TrainingPlaylist;
  item: TrainingItem;
  position: number;
  onPrevious: (() => void) | undefined;
  onNext: (() => void) | undefined;
}

/** One item: the clip in the player, the curator's note beside it, and where I left off. */
export function PlaylistItemPlayer({ playlist, item, position, onPrevious, onNext }: Props) {
  const { t } = useTranslation();
  const sink = useProgressSink(playlist.id, item.id);
  const recording = item.recording;
  const note = (
    <aside className="card note" aria-labelledby={`note-${item.id}`}>
      <h2 id={`note-${item.id}`} className="card__title">
        {t("player.noteTitle")}
      </h2>
      {item.note ? <p className="note__text">{item.note}</p> : <p className="muted">{t("player.noNote")}</p>}
    </aside>
  );
  if (!recording || item.clipEndMs === null) {
    return (
      <div className="stack">
        <div className="alert alert--warning" role="status">
          {item.removedReason === "retention" ? t("player.removedRetention") : t("player.removedOther")}
        </div>
        {note}
      </div>
    );
  }
  const clip = { startMs: item.clipStartMs, endMs: item.clipEndMs };
  const via = { playlistId: playlist.id, itemId: item.id };
  const progress = item.progress;
  // Resume inside the clip unless the item is done or the resume point is at its very end.
  const resume =
    progress &&
    !progress.completed &&
    progress.positionMs > clip.startMs &&
    progress.positionMs < clip.endMs - 1_000
      ? progress.positionMs
      : clip.startMs;
  const learner = playlist.access === "assigned";
  const completed = progress?.completed || sink.lastResult?.completed;
  return (
    <div className="item-player">
      <div className="stack">
        <h2 className="item-player__title">
          {t("player.itemHeading", { number: position, total: playlist.items.length })}
        </h2>
        {completed ? (
          <p className="badge badge--success" data-testid="item-completed">
            {t("player.itemCompleted")}
          </p>
        ) : null}
        <ClipPlayer
          recordingId={recording.id}
          durationMs={recording.durationMs}
          src={audioUrl(recording.id, via)}
          via={via}
          audioWindow={item.audioWindow}
          clip={clip}
          enforceClip
          initialMs={resume}
          title={t("player.itemLabel", { number: position })}
          {...(learner ? { onProgress: sink.report } : {})}
          onPrevious={onPrevious}
          onNext={onNext}
        />
        {sink.error ? (
          <p className="alert alert--warning" role="status">
            {t("player.progressNotSaved")}
          </p>
        ) : null}
      </div>
      {note}
    </div>
  );
}
