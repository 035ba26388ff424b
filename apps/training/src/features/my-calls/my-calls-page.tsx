import type { RouterOutputs } from "@kuulo/api";
import {
  type DataColumn,
  DataTable,
  formatDuration,
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

type MyCall = RouterOutputs["training"]["myCalls"]["items"][number];

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
  const items = calls.data?.pages.flatMap((page) => page.items);
  const columns: DataColumn<MyCall>[] = [
    { id: "time", header: t("recordings.callTime"), cell: (call) => format.dateTime(call.callStartedAt) },
    {
      id: "duration",
      header: t("recordings.duration"),
      align: "num",
      cell: (call) => formatDuration(call.durationMs),
    },
    { id: "unit", header: t("recordings.unit"), cell: (call) => call.unitName },
    {
      id: "actions",
      header: t("actions"),
      headerHidden: true,
      align: "actions",
      cell: (call) => (
        <Link to="/my-calls/$recordingId" params={{ recordingId: call.id }}>
          {t("myCalls.listen")}
          <span className="visually-hidden"> {format.dateTime(call.callStartedAt)}</span>
        </Link>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t("myCalls.title")} description={t("myCalls.description")} />
      <MyQualitySection />
      <section className="section" aria-labelledby="my-calls-list">
        <h2 id="my-calls-list">{t("myCalls.listTitle")}</h2>
        <DataTable
          caption={t("myCalls.listTitle")}
          columns={columns}
          rows={items}
          getRowId={(call) => call.id}
          query={calls}
          empty={{ title: t("myCalls.emptyTitle"), body: t("myCalls.emptyBody") }}
        />
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
