import { EmptyState, ErrorState, formatDuration, Loading, PageHeader, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ProgressBar } from "../../lib/progress-bar.js";

/** Each assignee's progress on one playlist: one table, with a bar per person (a chart would repeat it). */
export function ProgressPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const { playlistId } = useParams({ from: "/app/playlists/$playlistId/progress" });
  const progress = useQuery(trpc.playlists.progress.queryOptions({ playlistId }));
  if (progress.isPending) return <Loading />;
  if (progress.isError) return <ErrorState error={progress.error} onRetry={() => progress.refetch()} />;
  const data = progress.data;
  return (
    <>
      <PageHeader
        title={t("progressPage.title", { title: data.title })}
        description={`${t("progressPage.totals", {
          assignees: t("progressPage.assignees", { count: data.totals.assignees }),
          completed: t("progressPage.completed", { count: data.totals.completed }),
          started: t("progressPage.started", { count: data.totals.started }),
          notStarted: t("progressPage.notStarted", { count: data.totals.notStarted }),
        })}${data.totals.overdue > 0 ? ` · ${t("due.overdueCount", { count: data.totals.overdue })}` : ""}`}
        actions={
          <Link to="/playlists/$playlistId" params={{ playlistId }}>
            {t("progressPage.back")}
          </Link>
        }
      />
      {data.assignees.length === 0 ? (
        <EmptyState
          title={t("progressPage.emptyTitle")}
          action={
            <Link to="/playlists/$playlistId" params={{ playlistId }}>
              {t("progressPage.assignLink")}
            </Link>
          }
        >
          <p>{t("progressPage.emptyBody")}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="progress-table">
            <caption className="visually-hidden">{t("progressPage.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("progressPage.person")}</th>
                <th scope="col">{t("progressPage.via")}</th>
                <th scope="col">{t("progressPage.items")}</th>
                <th scope="col">{t("progressPage.listened")}</th>
                <th scope="col">{t("progressPage.lastActivity")}</th>
                <th scope="col">{t("due.column")}</th>
              </tr>
            </thead>
            <tbody>
              {data.assignees.map((assignee) => (
                <tr key={assignee.userId}>
                  <td>
                    {assignee.name} <span className="muted">({assignee.username})</span>
                  </td>
                  <td>{assignee.via.map((via) => t(`progressPage.viaValue.${via}`)).join(", ")}</td>
                  <td>
                    <ProgressBar
                      done={assignee.itemsCompleted}
                      total={assignee.itemsTotal}
                      label={t("progressPage.barLabel", { name: assignee.name })}
                    />
                  </td>
                  <td>{formatDuration(assignee.listenedMs)}</td>
                  <td>
                    {assignee.lastActivityAt
                      ? format.dateTime(assignee.lastActivityAt)
                      : t("progress.notStarted")}
                  </td>
                  <td>
                    {assignee.dueOn ? format.date(assignee.dueOn) : t("due.none")}
                    {assignee.overdue ? (
                      <>
                        {" "}
                        <span className="badge badge--danger">{t("due.overdue")}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
