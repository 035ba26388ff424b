import { EmptyState, ErrorState, formatDuration, Loading, PageHeader, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ProgressBar } from "../../lib/progress-bar.js";

/** Playlists assigned to me or my unit; the API orders them unfinished first, then newest. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const playlists = useQuery(trpc.training.myPlaylists.queryOptions());
  return (
    <>
      <PageHeader title={t("myTraining.title")} description={t("myTraining.description")} />
      {playlists.isPending ? (
        <Loading />
      ) : playlists.isError ? (
        <ErrorState error={playlists.error} onRetry={() => playlists.refetch()} />
      ) : playlists.data.items.length === 0 ? (
        <EmptyState title={t("myTraining.emptyTitle")}>
          <p>{t("myTraining.emptyBody")}</p>
        </EmptyState>
      ) : (
        <ul className="playlist-cards">
          {playlists.data.items.map((playlist) => (
            <li key={playlist.id} className="card playlist-card">
              <div className="row row--between">
                <h2 className="playlist-card__title">
                  <Link to="/training/$playlistId" params={{ playlistId: playlist.id }}>
                    {playlist.title}
                  </Link>
                </h2>
                {playlist.overdue ? (
                  <span className="badge badge--danger">{t("due.overdue")}</span>
                ) : playlist.completed ? (
                  <span className="badge badge--success">{t("progress.completed")}</span>
                ) : playlist.itemsCompleted > 0 ? (
                  <span className="badge badge--info">{t("progress.inProgress")}</span>
                ) : (
                  <span className="badge">{t("progress.notStarted")}</span>
                )}
              </div>
              {playlist.description ? (
                <p className="playlist-card__description">{playlist.description}</p>
              ) : null}
              <ProgressBar
                done={playlist.itemsCompleted}
                total={playlist.itemsTotal}
                label={t("progress.label", { title: playlist.title })}
              />
              <p className="muted playlist-card__meta">
                {t("myTraining.meta", {
                  listened: formatDuration(playlist.listenedMs),
                  unit: playlist.unitName,
                  assigned: format.date(playlist.assignedAt),
                })}
                {playlist.dueOn ? ` · ${t("due.mine", { date: format.date(playlist.dueOn) })}` : null}
              </p>
              <Link
                className="button button--primary"
                to="/training/$playlistId"
                params={{ playlistId: playlist.id }}
              >
                {playlist.completed
                  ? t("myTraining.listenAgain")
                  : playlist.itemsCompleted > 0 || playlist.lastActivityAt
                    ? t("myTraining.continue")
                    : t("myTraining.start")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
