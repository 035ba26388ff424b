import type { RouterOutputs } from "@kuulo/api";
import { type DataColumn, DataTable, useFormat, useTRPC, useTRPCClient } from "@kuulo/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../lib/load-more.js";

type ListenEvent = RouterOutputs["training"]["whoListenedToMyCalls"]["items"][number];

/**
 * "Who has listened to my calls", from the audit log: who, when, and through which path. A listen under a
 * training disclosure names the external trainer's organisation, never the person (the intro says so).
 */
export function ListenersTable() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormat();
  const events = useInfiniteQuery({
    queryKey: trpc.training.whoListenedToMyCalls.queryKey(),
    queryFn: ({ pageParam }) =>
      client.training.whoListenedToMyCalls.query({ limit: 50, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = events.data?.pages.flatMap((page) => page.items);
  const who = (event: ListenEvent) =>
    event.listener.kind === "person"
      ? `${event.listener.name} (${event.listener.username})`
      : event.listener.kind === "external_trainer"
        ? event.listener.organisationName
          ? t("listeners.external", { organisation: event.listener.organisationName })
          : t("listeners.externalUnnamed")
        : t("listeners.unknown");
  const via = (event: ListenEvent) => {
    switch (event.via.kind) {
      case "playlist":
        return t("listeners.viaPlaylist", { title: event.via.playlistTitle ?? "–" });
      case "role":
        return event.via.role
          ? t("listeners.viaRole", { role: t(`roles.${event.via.role}`, { defaultValue: event.via.role }) })
          : t("listeners.via.role");
      default:
        return t(`listeners.via.${event.via.kind}`, { defaultValue: event.via.kind });
    }
  };
  const columns: DataColumn<ListenEvent>[] = [
    { id: "when", header: t("listeners.when"), cell: (event) => format.dateTime(event.occurredAt) },
    { id: "who", header: t("listeners.who"), cell: who },
    {
      id: "call",
      header: t("listeners.call"),
      cell: (event) => (event.callStartedAt ? format.dateTime(event.callStartedAt) : "–"),
    },
    { id: "how", header: t("listeners.how"), cell: via },
  ];
  return (
    <section className="section" aria-labelledby="listeners-title">
      <h2 id="listeners-title">{t("listeners.title")}</h2>
      <p className="muted">{t("listeners.description")}</p>
      <DataTable
        caption={t("listeners.title")}
        columns={columns}
        rows={items}
        getRowId={(event) => String(event.seq)}
        query={events}
        empty={{ title: t("listeners.emptyTitle"), body: t("listeners.emptyBody") }}
        testId="listeners"
      />
      <LoadMoreButton
        nextCursor={events.hasNextPage ? "more" : null}
        loading={events.isFetchingNextPage}
        onLoad={() => void events.fetchNextPage()}
      />
    </section>
  );
}
