import { formatDuration } from "@kuulo/ui";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { TrainingPlaylist } from "./playlist-player-page.js";

export function PlaylistItemsNav({ playlist, currentId }: { playlist: TrainingPlaylist; currentId: string }) {
  const { t } = useTranslation();
  return (
    <nav className="card item-nav" aria-label={t("player.itemsTitle")}>
      <h2 className="card__title">{t("player.itemsTitle")}</h2>
      <ol className="item-nav__list">
        {playlist.items.map((item, index) => {
          const length = item.clipEndMs !== null ? item.clipEndMs - item.clipStartMs : null;
          const state = !item.recording
            ? t("player.itemRemoved")
            : item.progress?.completed
              ? t("progress.completed")
              : (item.progress?.listenedMs ?? 0) > 0
                ? t("progress.inProgress")
                : t("progress.notStarted");
          return (
            <li
              key={item.id}
              className={item.id === currentId ? "item-nav__item item-nav__item--current" : "item-nav__item"}
            >
              <Link
                to="/training/$playlistId"
                params={{ playlistId: playlist.id }}
                search={{ item: item.id }}
                aria-current={item.id === currentId ? "true" : undefined}
              >
                <span className="item-nav__number">{index + 1}.</span>{" "}
                {t("player.itemLabel", { number: index + 1 })}
                {length !== null ? <span className="muted"> · {formatDuration(length)}</span> : null}
              </Link>
              <span
                className={`item-nav__state${item.progress?.completed ? " item-nav__state--done" : ""}`}
                data-testid={`item-state-${index + 1}`}
              >
                {item.progress?.completed ? <span aria-hidden="true">✓ </span> : null}
                {state}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
