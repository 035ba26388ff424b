import type { RouterOutputs } from "@kuulo/api";
import { type DataColumn, DataTable, formatDuration, useFormat, useTRPC, useTRPCClient } from "@kuulo/ui";
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
  const rows = pages.data?.pages.flatMap((page) => page.items);
  const columns: DataColumn<RecordingRow>[] = [
    ...(selection
      ? [
          {
            id: "select",
            header: t("recordingList.select"),
            headerHidden: true,
            cell: (recording: RecordingRow) => (
              <input
                type="checkbox"
                checked={selection.isSelected(recording.id)}
                onChange={() => selection.toggle(recording)}
                aria-label={t("recordingList.selectCall", {
                  name: `${recording.staffMember.firstName} ${recording.staffMember.lastName}`,
                  time: format.dateTime(recording.callStartedAt),
                })}
              />
            ),
          },
        ]
      : []),
    {
      id: "time",
      header: t("recordings.callTime"),
      cell: (recording) => format.dateTime(recording.callStartedAt),
    },
    {
      id: "staffMember",
      header: t("recordings.staffMember"),
      cell: (recording) => `${recording.staffMember.firstName} ${recording.staffMember.lastName}`,
    },
    { id: "unit", header: t("recordings.unit"), cell: (recording) => format.unit(recording.unit) },
    {
      id: "duration",
      header: t("recordings.duration"),
      align: "num",
      className: "recording-duration",
      cell: (recording) => formatDuration(recording.durationMs),
    },
    { id: "actions", header: t("actions"), headerHidden: true, align: "actions", cell: action },
  ];
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
      <DataTable
        caption={t("recordings.title")}
        columns={columns}
        rows={rows}
        getRowId={(recording) => recording.id}
        query={pages}
        empty={{ title: t("recordings.emptyTitle"), body: t("recordings.emptyBody") }}
        expanded={expanded}
        testId="recordings"
      />
      <LoadMoreButton
        nextCursor={pages.hasNextPage ? "more" : null}
        loading={pages.isFetchingNextPage}
        onLoad={() => void pages.fetchNextPage()}
      />
    </div>
  );
}
