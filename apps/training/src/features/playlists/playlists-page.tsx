import { EmptyState, ErrorState, Loading, PageHeader, useFormat, useTRPC, useTRPCClient } from "@kuulo/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../lib/load-more.js";

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
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];
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
      {pages.isPending ? (
        <Loading />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          title={t("playlists.emptyTitle")}
          action={
            <Link to="/playlists/new" className="button button--primary">
              {t("playlists.new")}
            </Link>
          }
        >
          <p>{t("playlists.emptyBody")}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("playlists.fieldTitle")}</th>
                <th scope="col">{t("playlists.unit")}</th>
                <th scope="col">{t("playlists.status")}</th>
                <th scope="col">{t("playlists.items")}</th>
                <th scope="col">{t("playlists.assignments")}</th>
                <th scope="col">{t("playlists.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((playlist) => (
                <tr key={playlist.id}>
                  <td>
                    <Link to="/playlists/$playlistId" params={{ playlistId: playlist.id }}>
                      {playlist.title}
                    </Link>
                  </td>
                  <td>{playlist.unitName}</td>
                  <td>
                    <span className={playlist.status === "published" ? "badge badge--success" : "badge"}>
                      {t(`playlists.statusValue.${playlist.status}`)}
                    </span>
                  </td>
                  <td>
                    {playlist.itemCount}
                    {playlist.removedItemCount > 0 ? (
                      <span className="muted">
                        {" "}
                        ({t("playlists.removedCount", { count: playlist.removedItemCount })})
                      </span>
                    ) : null}
                  </td>
                  <td>{playlist.assignmentCount}</td>
                  <td>{format.date(playlist.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMoreButton
        nextCursor={pages.hasNextPage ? "more" : null}
        loading={pages.isFetchingNextPage}
        onLoad={() => void pages.fetchNextPage()}
      />
    </>
  );
}
