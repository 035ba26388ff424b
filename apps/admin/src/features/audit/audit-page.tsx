import type { RouterOutputs } from "@kuulo/api";
import {
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  SelectField,
  TextField,
  useCan,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { CursorPager, useCursorPages } from "../../lib/cursor-pager.js";
import { columnHelper, DataTable } from "../../lib/data-table.js";
import { useQualityAuditLabel } from "../quality/quality-audit-label.js";
import { AuditEventDialog } from "./audit-event-dialog.js";
import { AUDIT_OUTCOMES, AUDIT_TARGET_TYPES, type AuditSearch, auditFilter } from "./audit-search.js";
import { ChainStatus } from "./chain-status.js";
import { ExportButton } from "./export-button.js";

type AuditRow = RouterOutputs["audit"]["find"]["items"][number];
type FilterValues = Required<{ [K in keyof AuditSearch]: string }>;
const PAGE_SIZE = 50;
const route = getRouteApi("/app/audit");
const helper = columnHelper<AuditRow>();
const OUTCOME_TONE: Record<string, string> = {
  success: "badge--success",
  failure: "badge--warning",
  denied: "badge--danger",
};

export function AuditPage() {
  const { t } = useTranslation();
  const qualityLabel = useQualityAuditLabel();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  const filter = auditFilter(search);
  const pages = useCursorPages<number>(JSON.stringify(search));
  const events = useQuery({
    ...trpc.audit.find.queryOptions({ ...filter, before: pages.cursor, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const form = useForm<FilterValues>({
    values: {
      actor: search.actor ?? "",
      action: search.action ?? "",
      targetType: search.targetType ?? "",
      targetId: search.targetId ?? "",
      outcome: search.outcome ?? "",
      from: search.from ?? "",
      to: search.to ?? "",
    },
  });
  const apply = form.handleSubmit((values) =>
    navigate({
      search: Object.fromEntries(Object.entries(values).filter(([, value]) => value !== "")) as AuditSearch,
    }),
  );
  const columns = useMemo(
    () => [
      helper.display({
        id: "time",
        header: () => t("audit.time"),
        cell: ({ row }) => (
          <button type="button" className="button button--link" onClick={() => setOpenSeq(row.original.seq)}>
            {format.dateTime(row.original.occurredAt)}
          </button>
        ),
      }),
      helper.display({
        id: "actor",
        header: () => t("audit.actor"),
        cell: ({ row }) => row.original.actorLabel ?? t(`audit.actorTypes.${row.original.actorType}`),
      }),
      helper.accessor("action", {
        header: () => t("audit.action"),
        cell: ({ row }) => {
          const label = qualityLabel(row.original);
          return (
            <>
              {label ? <span className="audit-label">{label} </span> : null}
              <code>{row.original.action}</code>
            </>
          );
        },
      }),
      helper.display({
        id: "target",
        header: () => t("audit.target"),
        cell: ({ row }) =>
          row.original.targetType ? (
            <span>
              {row.original.targetType} <code className="muted">{row.original.targetId?.slice(0, 8)}</code>
            </span>
          ) : (
            "–"
          ),
      }),
      helper.display({
        id: "outcome",
        header: () => t("audit.outcome"),
        cell: ({ row }) => (
          <span className={`badge ${OUTCOME_TONE[row.original.outcome] ?? ""}`}>
            {t(`audit.outcomes.${row.original.outcome}`)}
          </span>
        ),
      }),
      helper.accessor("seq", {
        header: () => t("audit.seq"),
        cell: (info) => <span className="muted">#{info.getValue()}</span>,
      }),
    ],
    [t, format, qualityLabel],
  );
  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={can("audit.export") ? <ExportButton filter={filter} /> : null}
      />
      {can("audit.verify") ? <ChainStatus /> : null}
      <form className="filters" onSubmit={apply} aria-label={t("audit.filters")}>
        <TextField label={t("audit.action")} hint={t("audit.actionHint")} {...form.register("action")} />
        <TextField label={t("audit.actor")} hint={t("audit.actorHint")} {...form.register("actor")} />
        <SelectField label={t("audit.targetType")} {...form.register("targetType")}>
          <option value="">{t("audit.anyType")}</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </SelectField>
        <TextField label={t("audit.target")} hint={t("audit.targetHint")} {...form.register("targetId")} />
        <SelectField label={t("audit.outcome")} {...form.register("outcome")}>
          <option value="">{t("filters.all")}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`audit.outcomes.${outcome}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("audit.from")} type="date" {...form.register("from")} />
        <TextField label={t("audit.to")} type="date" {...form.register("to")} />
        <div className="row">
          <button type="submit" className="button button--primary">
            {t("filters.apply")}
          </button>
          <button type="button" className="button" onClick={() => navigate({ search: {} })}>
            {t("filters.clear")}
          </button>
        </div>
      </form>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState title={t("audit.empty")}>
          <p>{t("audit.emptyHint")}</p>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={t("audit.title")}
            columns={columns}
            data={events.data.items}
            getRowId={(row) => String(row.seq)}
          />
          <CursorPager
            page={pages.page}
            hasNext={events.data.nextCursor !== null}
            onNext={() => events.data.nextCursor !== null && pages.next(events.data.nextCursor)}
            onPrevious={pages.previous}
          />
        </>
      )}
      <AuditEventDialog seq={openSeq} onClose={() => setOpenSeq(null)} />
    </>
  );
}
