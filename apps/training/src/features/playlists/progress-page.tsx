import type { RouterOutputs } from "@kuulo/api";
import {
  type DataColumn,
  DataTable,
  ErrorState,
  formatDuration,
  Loading,
  PageHeader,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ProgressBar } from "../../lib/progress-bar.js";

type Assignee = RouterOutputs["playlists"]["progress"]["assignees"][number];

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
  const columns: DataColumn<Assignee>[] = [
    {
      id: "person",
      header: t("progressPage.person"),
      rowHeader: true,
      cell: (assignee) => (
        <>
          {assignee.name} <span className="muted">({assignee.username})</span>
        </>
      ),
    },
    {
      id: "via",
      header: t("progressPage.via"),
      cell: (assignee) => assignee.via.map((via) => t(`progressPage.viaValue.${via}`)).join(", "),
    },
    {
      id: "items",
      header: t("progressPage.items"),
      cell: (assignee) => (
        <ProgressBar
          done={assignee.itemsCompleted}
          total={assignee.itemsTotal}
          label={t("progressPage.barLabel", { name: assignee.name })}
        />
      ),
    },
    {
      id: "listened",
      header: t("progressPage.listened"),
      align: "num",
      cell: (assignee) => formatDuration(assignee.listenedMs),
    },
    {
      id: "lastActivity",
      header: t("progressPage.lastActivity"),
      cell: (assignee) =>
        assignee.lastActivityAt ? format.dateTime(assignee.lastActivityAt) : t("progress.notStarted"),
    },
    {
      id: "due",
      header: t("due.column"),
      cell: (assignee) => (
        <>
          {assignee.dueOn ? format.date(assignee.dueOn) : t("due.none")}
          {assignee.overdue ? (
            <>
              {" "}
              <span className="badge badge--danger">{t("due.overdue")}</span>
            </>
          ) : null}
        </>
      ),
    },
  ];
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
      <DataTable
        caption={t("progressPage.tableCaption")}
        columns={columns}
        rows={data.assignees}
        getRowId={(assignee) => assignee.userId}
        empty={{
          title: t("progressPage.emptyTitle"),
          body: t("progressPage.emptyBody"),
          action: (
            <Link to="/playlists/$playlistId" params={{ playlistId }}>
              {t("progressPage.assignLink")}
            </Link>
          ),
        }}
        testId="progress-table"
      />
    </>
  );
}
