import type { RouterOutputs } from "@kuulo/api";
import {
  DISCLOSURE_KINDS,
  DISCLOSURE_STATUSES,
  type DisclosureKind,
  type DisclosureStatus,
} from "@kuulo/domain/disclosure";
import {
  type DataColumn,
  DataTable,
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
import { DisclosureStatusBadge, recipientOf } from "./disclosure-badges.js";

type Disclosure = RouterOutputs["disclosures"]["find"]["items"][number];

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
  const columns = useMemo(
    (): DataColumn<Disclosure>[] => [
      {
        id: "created",
        header: t("disclosures.created"),
        cell: (disclosure) => (
          <Link to="/disclosures/$disclosureId" params={{ disclosureId: disclosure.id }}>
            {format.dateTime(disclosure.createdAt)}
          </Link>
        ),
      },
      {
        id: "kind",
        header: t("disclosures.filterKind"),
        cell: (disclosure) => t(`disclosures.kind.${disclosure.kind}`),
      },
      {
        id: "recipient",
        header: t("disclosures.recipient"),
        cell: (disclosure) => recipientOf(disclosure.kind, disclosure.fields),
      },
      {
        id: "recordings",
        header: t("disclosures.recordings"),
        align: "num",
        cell: (disclosure) => format.number(disclosure.recordingIds.length),
      },
      {
        id: "status",
        header: t("disclosures.filterStatus"),
        cell: (disclosure) => (
          <>
            <DisclosureStatusBadge status={disclosure.status} />
            {disclosure.activeNow && disclosure.kind === "training" ? (
              <span className="muted"> {t("disclosures.activeNow")}</span>
            ) : null}
          </>
        ),
      },
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
      <DataTable
        caption={t("disclosures.title")}
        columns={columns}
        rows={found.data?.items}
        getRowId={(disclosure) => disclosure.id}
        query={found}
        empty={{ title: t("disclosures.empty"), body: t("disclosures.emptyHint") }}
        footer={
          <CursorPager
            page={pages.page}
            hasNext={Boolean(found.data?.nextBefore)}
            onNext={() => found.data?.nextBefore && pages.next(found.data.nextBefore)}
            onPrevious={pages.previous}
          />
        }
      />
    </>
  );
}
