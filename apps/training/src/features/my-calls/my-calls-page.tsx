import {
  EmptyState,
  ErrorState,
  formatDuration,
  Loading,
  PageHeader,
  useFormat,
  useTRPC,
  useTRPCClient,
} from "@kuulo/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../lib/load-more.js";
import { MyQualitySection } from "../quality/my-quality-section.js";
import { ListenersTable } from "./listeners-table.js";

/** My own recordings (individual training, R2) and who has listened to them (transparency). */
export function MyCallsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormat();
  const calls = useInfiniteQuery({
    queryKey: trpc.training.myCalls.queryKey(),
    queryFn: ({ pageParam }) =>
      client.training.myCalls.query({ limit: 25, ...(pageParam ? { after: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = calls.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader title={t("myCalls.title")} description={t("myCalls.description")} />
      <MyQualitySection />
      <section className="section" aria-labelledby="my-calls-list">
        <h2 id="my-calls-list">{t("myCalls.listTitle")}</h2>
        {calls.isPending ? (
          <Loading />
        ) : calls.isError ? (
          <ErrorState error={calls.error} onRetry={() => calls.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t("myCalls.emptyTitle")}>
            <p>{t("myCalls.emptyBody")}</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("recordings.callTime")}</th>
                  <th scope="col">{t("recordings.duration")}</th>
                  <th scope="col">{t("recordings.unit")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((call) => (
                  <tr key={call.id}>
                    <td>{format.dateTime(call.callStartedAt)}</td>
                    <td>{formatDuration(call.durationMs)}</td>
                    <td>{call.unitName}</td>
                    <td>
                      <Link to="/my-calls/$recordingId" params={{ recordingId: call.id }}>
                        {t("myCalls.listen")}
                        <span className="visually-hidden"> {format.dateTime(call.callStartedAt)}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMoreButton
          nextCursor={calls.hasNextPage ? "more" : null}
          loading={calls.isFetchingNextPage}
          onLoad={() => void calls.fetchNextPage()}
        />
      </section>
      <ListenersTable />
    </>
  );
}
