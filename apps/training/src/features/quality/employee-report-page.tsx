import type { RouterOutputs } from "@kuulo/api";
import {
  type DataColumn,
  DataTable,
  ErrorState,
  Loading,
  PageHeader,
  SelectField,
  useFormat,
  useTRPC,
  useTRPCClient,
} from "@kuulo/ui";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../lib/load-more.js";
import { CriteriaTable, TrendReport } from "./report-tables.js";

type EvaluationRow = RouterOutputs["quality"]["evaluations"]["list"]["items"][number];
const MONTHS = [3, 6, 12, 24] as const;

/** A reviewer picks a person by name and sees their evaluations over the months and per criterion. */
export function EmployeeReportPage() {
  const { t } = useTranslation();
  const { person } = useSearch({ from: "/app/quality/people" });
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t("personReport.title")}
        description={t("personReport.description")}
        actions={<Link to="/quality">{t("quality.backToQueue")}</Link>}
      />
      {person ? (
        <PersonReport
          staffMemberId={person}
          onChangePerson={() => void navigate({ to: "/quality/people", search: {} })}
        />
      ) : (
        <PersonSearch onChoose={(id) => void navigate({ to: "/quality/people", search: { person: id } })} />
      )}
    </>
  );
}

function PersonSearch({ onChoose }: { onChoose: (staffMemberId: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const people = useQuery({
    ...trpc.recordings.staffMembers.queryOptions({ ...(deferred ? { search: deferred } : {}), limit: 25 }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card stack" aria-labelledby="person-search">
      <div className="field">
        <label htmlFor="person-search">{t("personReport.search")}</label>
        <input id="person-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => people.refetch()} />
      ) : people.data.items.length === 0 ? (
        <p className="muted">{t("personReport.noMatches")}</p>
      ) : (
        <ul className="name-list" aria-label={t("personReport.matches")}>
          {people.data.items.map((item) => (
            <li key={item.id}>
              <button type="button" className="button" onClick={() => onChoose(item.id)}>
                {t("personReport.choose", { name: `${item.firstName} ${item.lastName}` })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonReport({
  staffMemberId,
  onChangePerson,
}: {
  staffMemberId: string;
  onChangePerson: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [months, setMonths] = useState<number>(12);
  const report = useQuery(trpc.quality.reports.employee.queryOptions({ staffMemberId, months }));
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  const { data } = report;
  const evaluated = data.trend.some((point) => point.evaluations > 0);
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="person-report">
        <div className="row">
          <h2 id="person-report">{t("personReport.chosen", { name: data.person.name })}</h2>
          <button type="button" className="button" onClick={onChangePerson}>
            {t("personReport.changePerson")}
          </button>
        </div>
        <SelectField
          label={t("personReport.months")}
          value={String(months)}
          onChange={(event) => setMonths(Number(event.target.value))}
        >
          {MONTHS.map((count) => (
            <option key={count} value={count}>
              {t("personReport.monthsOption", { count })}
            </option>
          ))}
        </SelectField>
        <p>{t("personReport.openDisputes", { count: data.openDisputes })}</p>
        {evaluated ? (
          <div className="stack">
            <TrendReport label={t("personReport.trendChart")} kind="line" trend={data.trend} />
          </div>
        ) : (
          <p className="muted">{t("personReport.noEvaluations")}</p>
        )}
      </section>
      {evaluated ? (
        <section className="card stack" aria-labelledby="person-criteria">
          <h2 id="person-criteria">{t("personReport.criteria")}</h2>
          <p>{t("quality.weakest", { list: data.weakestCriteria.map((c) => c.title).join(", ") })}</p>
          <p>{t("quality.strongest", { list: data.strongestCriteria.map((c) => c.title).join(", ") })}</p>
          <CriteriaTable caption={t("personReport.criteriaCaption")} rows={data.criteria} />
        </section>
      ) : null}
      <EvaluationsSection staffMemberId={staffMemberId} />
    </div>
  );
}

function EvaluationsSection({ staffMemberId }: { staffMemberId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormat();
  const pages = useInfiniteQuery({
    queryKey: [...trpc.quality.evaluations.list.queryKey(), staffMemberId],
    queryFn: ({ pageParam }) =>
      client.quality.evaluations.list.query({
        staffMemberId,
        limit: 25,
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((page) => page.items);
  const columns: DataColumn<EvaluationRow>[] = [
    {
      id: "callTime",
      header: t("quality.callTime"),
      rowHeader: true,
      cell: (row) => format.dateTime(row.callStartedAt),
    },
    {
      id: "form",
      header: t("quality.form"),
      cell: (row) => (
        <>
          {row.formName}
          {row.calibration ? ` (${t("personReport.calibrationAnswer")})` : null}
        </>
      ),
    },
    { id: "reviewer", header: t("personReport.reviewer"), cell: (row) => row.reviewer },
    {
      id: "score",
      header: t("personReport.score"),
      align: "num",
      cell: (row) => (row.score === null ? "—" : `${format.number(row.score)} / 100`),
    },
    {
      id: "state",
      header: t("personReport.state"),
      cell: (row) =>
        row.disputeStatus
          ? t(`quality.disputeShort.${row.disputeStatus as "open" | "upheld" | "changed"}`)
          : row.acknowledged
            ? t("personReport.acknowledged")
            : t("personReport.notAcknowledged"),
    },
  ];
  return (
    <section className="card stack" aria-labelledby="person-evaluations">
      <h2 id="person-evaluations">{t("personReport.evaluationsList")}</h2>
      <DataTable
        caption={t("personReport.evaluationsList")}
        columns={columns}
        rows={rows}
        getRowId={(row) => row.id}
        query={pages}
        empty={{ title: t("personReport.noEvaluations") }}
      />
      <LoadMoreButton
        nextCursor={pages.hasNextPage ? "more" : null}
        loading={pages.isFetchingNextPage}
        onLoad={() => void pages.fetchNextPage()}
      />
    </section>
  );
}
