import type { RouterOutputs } from "@kuulo/api";
import { EmptyState, ErrorState, Loading, useFormat, useTRPC, useTRPCClient } from "@kuulo/ui";
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
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
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
  return (
    <section className="section" aria-labelledby="listeners-title">
      <h2 id="listeners-title">{t("listeners.title")}</h2>
      <p className="muted">{t("listeners.description")}</p>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("listeners.emptyTitle")}>
          <p>{t("listeners.emptyBody")}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="listeners">
            <thead>
              <tr>
                <th scope="col">{t("listeners.when")}</th>
                <th scope="col">{t("listeners.who")}</th>
                <th scope="col">{t("listeners.call")}</th>
                <th scope="col">{t("listeners.how")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <tr key={event.seq}>
                  <td>{format.dateTime(event.occurredAt)}</td>
                  <td>{who(event)}</td>
                  <td>{event.callStartedAt ? format.dateTime(event.callStartedAt) : "–"}</td>
                  <td>{via(event)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMoreButton
        nextCursor={events.hasNextPage ? "more" : null}
        loading={events.isFetchingNextPage}
        onLoad={() => void events.fetchNextPage()}
      />
    </section>
  );
}
