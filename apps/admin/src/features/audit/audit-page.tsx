import {
  type DataColumn,
  DataTable,
  DateField,
  PageHeader,
  SelectField,
  useCan,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { CursorPager, useCursorPages } from "../../lib/cursor-pager.js";
import { AuditActionSelect } from "./audit-action-select.js";
import { AuditEventDialog } from "./audit-event-dialog.js";
import { AuditNamePicker } from "./audit-name-picker.js";
import { AUDIT_OUTCOMES, AUDIT_TARGET_TYPES, type AuditSearch, auditFilter } from "./audit-search.js";
import { ChainStatus } from "./chain-status.js";
import { ExportButton } from "./export-button.js";
import { OutcomeBadge } from "./outcome-badge.js";
import { type AuditEventRow, useAuditLanguage } from "./use-audit-sentence.js";

type FilterValues = Required<{ [K in keyof AuditSearch]: string }>;
const PAGE_SIZE = 50;
const route = getRouteApi("/app/audit");

export function AuditPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const language = useAuditLanguage();
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
  const targetType = form.watch("targetType") as AuditSearch["targetType"] | "";
  const apply = form.handleSubmit((values) =>
    navigate({
      search: Object.fromEntries(Object.entries(values).filter(([, value]) => value !== "")) as AuditSearch,
    }),
  );
  const columns = useMemo(
    (): DataColumn<AuditEventRow>[] => [
      {
        id: "time",
        header: t("audit.time"),
        cell: (event) => (
          <button
            type="button"
            className="button button--link"
            aria-label={`${format.dateTime(event.occurredAt)} – ${t("audit.openEvent", { seq: event.seq })}`}
            onClick={() => setOpenSeq(event.seq)}
          >
            {format.dateTime(event.occurredAt)}
          </button>
        ),
      },
      {
        id: "event",
        header: t("audit.event"),
        cell: (event) => <span data-testid="audit-sentence">{language.sentence(event)}</span>,
      },
      {
        id: "outcome",
        header: t("audit.outcome"),
        cell: (event) => <OutcomeBadge outcome={event.outcome} />,
      },
    ],
    [t, format, language],
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
        <AuditNamePicker
          type="user"
          label={t("audit.person")}
          hint={t("audit.personHint")}
          value={form.watch("actor") || undefined}
          onChange={(id) => form.setValue("actor", id ?? "")}
        />
        <AuditActionSelect {...form.register("action")} />
        <SelectField
          label={t("audit.targetType")}
          {...form.register("targetType", { onChange: () => form.setValue("targetId", "") })}
        >
          <option value="">{t("audit.anyType")}</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`audit.targetTypes.${type}`)}
            </option>
          ))}
        </SelectField>
        {targetType ? (
          <AuditNamePicker
            key={targetType}
            type={targetType}
            label={t("audit.target")}
            hint={t("audit.targetHint")}
            value={form.watch("targetId") || undefined}
            onChange={(id) => form.setValue("targetId", id ?? "")}
          />
        ) : null}
        <SelectField label={t("audit.outcome")} {...form.register("outcome")}>
          <option value="">{t("filters.all")}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`audit.outcomes.${outcome}`)}
            </option>
          ))}
        </SelectField>
        <Controller
          control={form.control}
          name="from"
          render={({ field }) => (
            <DateField
              label={t("audit.from")}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
        <Controller
          control={form.control}
          name="to"
          render={({ field }) => (
            <DateField
              label={t("audit.to")}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
        <div className="row">
          <button type="submit" className="button button--primary">
            {t("filters.apply")}
          </button>
          <button type="button" className="button" onClick={() => navigate({ search: {} })}>
            {t("filters.clear")}
          </button>
        </div>
      </form>
      <DataTable
        caption={t("audit.title")}
        columns={columns}
        rows={events.data?.items}
        getRowId={(event) => String(event.seq)}
        query={events}
        empty={{ title: t("audit.empty"), body: t("audit.emptyHint") }}
        footer={
          <CursorPager
            page={pages.page}
            hasNext={events.data?.nextCursor != null}
            onNext={() => events.data?.nextCursor != null && pages.next(events.data.nextCursor)}
            onPrevious={pages.previous}
          />
        }
      />
      <AuditEventDialog seq={openSeq} onClose={() => setOpenSeq(null)} />
    </>
  );
}
