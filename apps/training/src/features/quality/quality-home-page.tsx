import type { RouterOutputs } from "@kuulo/api";
import {
  type DataColumn,
  DataTable,
  ErrorState,
  formatDuration,
  Loading,
  PageHeader,
  useCan,
  useFormat,
  useMe,
  useTRPC,
} from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DisputesSection } from "./disputes-section.js";
import { UnitReport } from "./unit-report.js";

type QueueItem = RouterOutputs["quality"]["sampling"]["queue"]["items"][number];

/** The reviewer's desk: the month's sampling queue, open disputes, and the unit report. */
export function QualityHomePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const settings = useQuery(trpc.qualitySettings.get.queryOptions());
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  return (
    <>
      <PageHeader title={t("quality.title")} description={t("quality.description")} />
      {settings.data.enabled ? (
        <div className="stack">
          <QualityLinks />
          <QueueSection />
          <DisputesSection />
          <UnitReportSection />
        </div>
      ) : (
        <p className="alert alert--info">{t("quality.off")}</p>
      )}
    </>
  );
}

function QualityLinks() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <nav className="row" aria-label={t("quality.title")}>
      <Link to="/quality/calibrations">{t("calibration.nav")}</Link>
      {can("evaluation.report") ? <Link to="/quality/people">{t("personReport.nav")}</Link> : null}
    </nav>
  );
}

function QueueSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const queue = useQuery(
    trpc.quality.sampling.queue.queryOptions({ limit: 25, ...(cursor ? { cursor } : {}) }),
  );
  const columns: DataColumn<QueueItem>[] = [
    { id: "person", header: t("quality.person"), rowHeader: true, cell: (item) => item.staffMember.name },
    { id: "callTime", header: t("quality.callTime"), cell: (item) => format.dateTime(item.callStartedAt) },
    {
      id: "duration",
      header: t("quality.duration"),
      align: "num",
      cell: (item) => formatDuration(item.durationMs),
    },
    {
      id: "evaluate",
      header: t("quality.evaluate"),
      headerHidden: true,
      align: "actions",
      cell: (item) => (
        <Link to="/quality/evaluate/$recordingId" params={{ recordingId: item.recordingId }}>
          {t("quality.evaluateCall", {
            name: item.staffMember.name,
            time: format.dateTime(item.callStartedAt),
          })}
        </Link>
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby="quality-queue">
      <h2 id="quality-queue">{t("quality.queue")}</h2>
      {queue.data && queue.data.items.length > 0 ? (
        <p className="muted">{t("quality.queueDue", { when: format.date(queue.data.dueAt) })}</p>
      ) : null}
      <DataTable
        caption={t("quality.queue")}
        columns={columns}
        rows={queue.data?.items}
        getRowId={(item) => item.recordingId}
        query={queue}
        empty={{ title: t("quality.queueEmpty") }}
        footer={
          queue.data?.nextCursor ? (
            <button
              type="button"
              className="button"
              onClick={() => setCursor(queue.data?.nextCursor ?? undefined)}
            >
              {t("quality.more")}
            </button>
          ) : null
        }
      />
    </section>
  );
}

function UnitReportSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const can = useCan();
  const units = [
    ...new Map(
      me.grants
        .filter((g) => g.unitId && (g.role === "trainer" || g.role === "quality_reviewer"))
        .map((g) => [g.unitId ?? "", [g.unitCode, g.unitName].filter(Boolean).join(" – ")] as const),
    ).entries(),
  ];
  const [unitId, setUnitId] = useState<string | null>(null);
  const chosen = unitId ?? units[0]?.[0] ?? null;
  const report = useQuery({
    ...trpc.quality.reports.unit.queryOptions({ unitId: chosen ?? "" }),
    enabled: chosen !== null && can("evaluation.report"),
  });
  if (!chosen) return null;
  return (
    <section className="card" aria-labelledby="quality-report">
      <h2 id="quality-report">{t("quality.unitReport")}</h2>
      {units.length > 1 ? (
        <div className="field">
          <label htmlFor="report-unit">{t("quality.unit")}</label>
          <select id="report-unit" value={chosen} onChange={(event) => setUnitId(event.target.value)}>
            {units.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <UnitReport report={report.data} />
      )}
    </section>
  );
}
