import { type DataColumn, DataTable, type DataTableQuery, useFormat } from "@kuulo/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface CalibrationRow {
  calibrationId: string;
  staffMember: { name: string };
  callStartedAt: string;
  formName: string;
}

/**
 * One list of calibrations: whose call, when, which form, and its state. `status` gets the row and
 * the call's time in the UI language (the links name both, for screen readers out of context).
 */
export function CalibrationList<T extends CalibrationRow>({
  id,
  title,
  emptyTitle,
  query,
  rows,
  status,
  action,
}: {
  id: string;
  title: string;
  emptyTitle: string;
  query: DataTableQuery;
  rows: readonly T[] | undefined;
  status: (row: T, time: string) => ReactNode;
  action?: (row: T, time: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = (row: T) => format.dateTime(row.callStartedAt);
  const columns: DataColumn<T>[] = [
    { id: "person", header: t("calibration.person"), rowHeader: true, cell: (row) => row.staffMember.name },
    { id: "call", header: t("calibration.call"), cell: time },
    { id: "form", header: t("calibration.form"), cell: (row) => row.formName },
    { id: "status", header: t("calibration.status"), cell: (row) => status(row, time(row)) },
    ...(action
      ? [
          {
            id: "actions",
            header: t("actions"),
            headerHidden: true,
            align: "actions" as const,
            cell: (row: T) => action(row, time(row)),
          },
        ]
      : []),
  ];
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <DataTable
        caption={title}
        columns={columns}
        rows={rows}
        getRowId={(row) => row.calibrationId}
        query={query}
        empty={{ title: emptyTitle }}
      />
    </section>
  );
}
