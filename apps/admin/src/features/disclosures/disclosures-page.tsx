import type { RouterOutputs } from "@kuulo/api";
import {
  DISCLOSURE_KINDS,
  DISCLOSURE_STATUSES,
  type DisclosureKind,
  type DisclosureStatus,
} from "@kuulo/domain/disclosure";
import {
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  SelectField,
  useCan,
  useFormat,
  useTRPC,
  WhyLink,
} from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { CursorPager, useCursorPages } from "../../lib/cursor-pager.js";
import { columnHelper, DataTable } from "../../lib/data-table.js";
import { DisclosureStatusBadge, recipientOf } from "./disclosure-badges.js";

type Disclosure = RouterOutputs["disclosures"]["find"]["items"][number];
const helper = columnHelper<Disclosure>();

export function DisclosuresPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const filter = useSearch({ from: "/app/disclosures" });
  const navigate = useNavigate({ from: "/disclosures" });
  const kind = filter.kind ?? "";
  const status = filter.status ?? "";
  const setKind = (next: DisclosureKind | "") =>
    void navigate({ search: { ...filter, kind: next || undefined } });
  const setStatus = (next: DisclosureStatus | "") =>
    void navigate({ search: { ...filter, status: next || undefined } });
  const pages = useCursorPages<string>(JSON.stringify(filter));
  const found = useQuery({
    ...trpc.disclosures.find.queryOptions({
      ...filter,
      limit: 50,
      ...(pages.cursor ? { before: pages.cursor } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const items = found.data?.items ?? [];
  const columns = useMemo(
    () => [
      helper.display({
        id: "created",
        header: () => t("disclosures.created"),
        cell: ({ row }) => (
          <Link to="/disclosures/$disclosureId" params={{ disclosureId: row.original.id }}>
            {format.dateTime(row.original.createdAt)}
          </Link>
        ),
      }),
      helper.display({
        id: "kind",
        header: () => t("disclosures.filterKind"),
        cell: ({ row }) => t(`disclosures.kind.${row.original.kind}`),
      }),
      helper.display({
        id: "recipient",
        header: () => t("disclosures.recipient"),
        cell: ({ row }) => recipientOf(row.original.kind, row.original.fields),
      }),
      helper.display({
        id: "recordings",
        header: () => t("disclosures.recordings"),
        cell: ({ row }) => format.number(row.original.recordingIds.length),
      }),
      helper.display({
        id: "status",
        header: () => t("disclosures.filterStatus"),
        cell: ({ row }) => (
          <>
            <DisclosureStatusBadge status={row.original.status} />
            {row.original.activeNow && row.original.kind === "training" ? (
              <span className="muted"> {t("disclosures.activeNow")}</span>
            ) : null}
          </>
        ),
      }),
    ],
    [t, format],
  );
  return (
    <>
      <PageHeader
        title={t("disclosures.title")}
        description={
          <>
            {t("disclosures.description")}
            <WhyLink clause="disclosures" />
          </>
        }
        actions={
          can("disclosure.create") ? (
            <div className="row">
              <Link to="/disclosures/new-training" className="button button--primary">
                {t("disclosures.newTraining")}
              </Link>
              <Link to="/disclosures/new-statutory" className="button">
                {t("disclosures.newStatutory")}
              </Link>
              <Link to="/disclosures/new-access-request" className="button">
                {t("disclosures.newAccessRequest")}
              </Link>
            </div>
          ) : null
        }
      />
      <div className="filters row">
        <SelectField
          label={t("disclosures.filterKind")}
          value={kind}
          onChange={(event) => setKind(event.target.value as DisclosureKind | "")}
        >
          <option value="">{t("filters.all")}</option>
          {DISCLOSURE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`disclosures.kind.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("disclosures.filterStatus")}
          value={status}
          onChange={(event) => setStatus(event.target.value as DisclosureStatus | "")}
        >
          <option value="">{t("filters.all")}</option>
          {DISCLOSURE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`disclosures.status.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {found.isPending ? (
        <Loading />
      ) : found.isError ? (
        <ErrorState error={found.error} onRetry={() => found.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("disclosures.empty")}>
          <p>{t("disclosures.emptyHint")}</p>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={t("disclosures.title")}
            columns={columns}
            data={items}
            getRowId={(row) => row.id}
          />
          <CursorPager
            page={pages.page}
            hasNext={Boolean(found.data?.nextBefore)}
            onNext={() => found.data?.nextBefore && pages.next(found.data.nextBefore)}
            onPrevious={pages.previous}
          />
        </>
      )}
    </>
  );
}
