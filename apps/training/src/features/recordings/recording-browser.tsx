import type { RouterOutputs } from "@kuulo/api";
import {
  EmptyState,
  ErrorState,
  formatDuration,
  Loading,
  useFormat,
  useTRPC,
  useTRPCClient,
} from "@kuulo/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../lib/load-more.js";
import { RecordingFilters } from "./recording-filters.js";
import {
  RECORDING_SORTS,
  type RecordingSearch,
  type RecordingSort,
  toRecordingQuery,
} from "./recording-search.js";

export type RecordingRow = RouterOutputs["recordings"]["find"]["items"][number];

/**
 * Recordings of the trainer's units, filtered, ordered and keyset-paged ("load more"). `action` renders
 * the per-row control (listen, or add to a playlist); `expanded` renders under a row. With `search` and
 * `onSearch` the caller keeps the filters and order (the recordings page keeps them in the address).
 */
export function RecordingBrowser({
  action,
  expanded,
  search: controlled,
  onSearch,
  selection,
}: {
  action: (recording: RecordingRow) => ReactNode;
  expanded?: (recording: RecordingRow) => ReactNode;
  search?: RecordingSearch;
  onSearch?: (search: RecordingSearch) => void;
  /** Checkboxes in the first column, for acting on several calls at once. */
  selection?: { isSelected: (id: string) => boolean; toggle: (recording: RecordingRow) => void };
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormat();
  const [local, setLocal] = useState<RecordingSearch>({});
  const search = controlled ?? local;
  const setSearch = onSearch ?? setLocal;
  const query = toRecordingQuery(search);
  const pages = useInfiniteQuery({
    queryKey: [...trpc.recordings.find.queryKey(), query],
    queryFn: ({ pageParam }) =>
      client.recordings.find.query({ ...query, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack">
      <RecordingFilters
        // Back/forward in the address brings other filters: start the form from them.
        key={JSON.stringify({ ...search, sort: undefined })}
        value={search}
        onApply={(filters) => setSearch({ ...filters, ...(search.sort ? { sort: search.sort } : {}) })}
      />
      <div className="recordings-sort">
        <label htmlFor="recordings-sort">{t("recordingList.sort")}</label>
        <select
          id="recordings-sort"
          value={search.sort ?? "newest"}
          onChange={(event) => setSearch({ ...search, sort: event.target.value as RecordingSort })}
        >
          {RECORDING_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`recordingList.sortValue.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      {pages.isPending ? (
        <Loading />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t("recordings.emptyTitle")}>
          <p>{t("recordings.emptyBody")}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="recordings">
            <thead>
              <tr>
                {selection ? (
                  <th scope="col">
                    <span className="visually-hidden">{t("recordingList.select")}</span>
                  </th>
                ) : null}
                <th scope="col">{t("recordings.callTime")}</th>
                <th scope="col">{t("recordings.staffMember")}</th>
                <th scope="col">{t("recordings.unit")}</th>
                <th scope="col">{t("recordings.duration")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((recording) => (
                <RecordingTableRow
                  key={recording.id}
                  recording={recording}
                  action={action}
                  expanded={expanded}
                >
                  {selection ? (
                    <td>
                      <input
                        type="checkbox"
                        checked={selection.isSelected(recording.id)}
                        onChange={() => selection.toggle(recording)}
                        aria-label={t("recordingList.selectCall", {
                          name: `${recording.staffMember.firstName} ${recording.staffMember.lastName}`,
                          time: format.dateTime(recording.callStartedAt),
                        })}
                      />
                    </td>
                  ) : null}
                  <td>{format.dateTime(recording.callStartedAt)}</td>
                  <td>
                    {recording.staffMember.firstName} {recording.staffMember.lastName}
                  </td>
                  <td>{format.unit(recording.unit)}</td>
                  <td className="recording-duration">{formatDuration(recording.durationMs)}</td>
                </RecordingTableRow>
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
    </div>
  );
}

function RecordingTableRow({
  recording,
  action,
  expanded,
  children,
}: {
  recording: RecordingRow;
  action: (recording: RecordingRow) => ReactNode;
  expanded: ((recording: RecordingRow) => ReactNode) | undefined;
  children: ReactNode;
}) {
  const below = expanded?.(recording);
  return (
    <>
      <tr>
        {children}
        <td className="table__actions">{action(recording)}</td>
      </tr>
      {below ? (
        <tr className="table__expanded">
          <td colSpan={6}>{below}</td>
        </tr>
      ) : null}
    </>
  );
}
