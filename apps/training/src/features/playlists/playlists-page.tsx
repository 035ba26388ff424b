import type { RouterOutputs } from "@kuulo/api";
import { type DataColumn, DataTable, PageHeader, useFormat, useTRPC, useTRPCClient } from "@kuulo/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../lib/load-more.js";

type PlaylistRow = RouterOutputs["playlists"]["find"]["items"][number];

/** The playlists of the trainer's units, drafts and published. */
export function PlaylistsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormat();
  const pages = useInfiniteQuery({
    queryKey: trpc.playlists.find.queryKey(),
    queryFn: ({ pageParam }) =>
      client.playlists.find.query({ limit: 50, ...(pageParam ? { after: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((page) => page.items);
  const columns: DataColumn<PlaylistRow>[] = [
    {
      id: "title",
      header: t("playlists.fieldTitle"),
      rowHeader: true,
      cell: (playlist) => (
        <Link to="/playlists/$playlistId" params={{ playlistId: playlist.id }}>
          {playlist.title}
        </Link>
      ),
    },
    { id: "unit", header: t("playlists.unit"), cell: (playlist) => playlist.unitName },
    {
      id: "status",
      header: t("playlists.status"),
      cell: (playlist) => (
        <span className={playlist.status === "published" ? "badge badge--success" : "badge"}>
          {t(`playlists.statusValue.${playlist.status}`)}
        </span>
      ),
    },
    {
      id: "items",
      header: t("playlists.items"),
      cell: (playlist) => (
        <>
          {playlist.itemCount}
          {playlist.removedItemCount > 0 ? (
            <span className="muted">
              {" "}
              ({t("playlists.removedCount", { count: playlist.removedItemCount })})
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: "assignments",
      header: t("playlists.assignments"),
      align: "num",
      cell: (playlist) => playlist.assignmentCount,
    },
    { id: "updated", header: t("playlists.updated"), cell: (playlist) => format.date(playlist.updatedAt) },
  ];
  return (
    <>
      <PageHeader
        title={t("playlists.title")}
        description={t("playlists.description")}
        actions={
          <Link to="/playlists/new" className="button button--primary">
            {t("playlists.new")}
          </Link>
        }
      />
      <DataTable
        caption={t("playlists.title")}
        columns={columns}
        rows={rows}
        getRowId={(playlist) => playlist.id}
        query={pages}
        empty={{
          title: t("playlists.emptyTitle"),
          body: t("playlists.emptyBody"),
          action: (
            <Link to="/playlists/new" className="button button--primary">
              {t("playlists.new")}
            </Link>
          ),
        }}
      />
      <LoadMoreButton
        nextCursor={pages.hasNextPage ? "more" : null}
        loading={pages.isFetchingNextPage}
        onLoad={() => void pages.fetchNextPage()}
      />
    </>
  );
}
