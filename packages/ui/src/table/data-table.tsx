import type { ReactNode } from "react";
import { EmptyState, ErrorState, Loading } from "../feedback/states.js";

export interface DataColumn<T> {
  id: string;
  header: string;
  /** Said by screen readers only, e.g. over a column of row actions or checkboxes. */
  headerHidden?: boolean;
  cell: (row: T) => ReactNode;
  /** The cell that names the row: a row header, announced with every other cell of the row. */
  rowHeader?: boolean;
  /** Numbers line up on the right; actions sit at the row's end. */
  align?: "num" | "actions";
  className?: string;
}

/** The part of a TanStack Query result the table needs for its loading and error states. */
export interface DataTableQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface DataTableProps<T> {
  caption: string;
  /** A caption on screen when nothing else titles the table; otherwise it is for screen readers only. */
  showCaption?: boolean;
  columns: readonly DataColumn<T>[];
  rows: readonly T[] | undefined;
  getRowId: (row: T) => string;
  /** Without it the rows are already at hand (no loading or error state of their own). */
  query?: DataTableQuery;
  empty: { title: string; body?: ReactNode; action?: ReactNode };
  /** Content under a row, across all columns (e.g. a player opened from the row). */
  expanded?: (row: T) => ReactNode;
  /** Under the table, only while it shows rows (e.g. the pager). */
  footer?: ReactNode;
  testId?: string;
}

const ALIGN_CLASS = { num: "num", actions: "table__actions" } as const;
const headerClass = <T,>(column: DataColumn<T>) => (column.align ? ALIGN_CLASS[column.align] : undefined);
const cellClass = <T,>(column: DataColumn<T>) =>
  [headerClass(column), column.className].filter(Boolean).join(" ") || undefined;

/**
 * The one list of records in both apps: loading, error and empty states, then a captioned table with
 * column headers (and a row header when a column names the row). Paging stays with the caller.
 */
export function DataTable<T>({
  caption,
  showCaption = false,
  columns,
  rows,
  getRowId,
  query,
  empty,
  expanded,
  footer,
  testId,
}: DataTableProps<T>) {
  if (query?.isPending) return <Loading />;
  if (query?.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (!rows || rows.length === 0) {
    return (
      <EmptyState title={empty.title} action={empty.action}>
        {typeof empty.body === "string" ? <p>{empty.body}</p> : empty.body}
      </EmptyState>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid={testId}>
          <caption className={showCaption ? "table__caption" : "visually-hidden"}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.id} scope="col" className={headerClass(column)}>
                  {column.headerHidden ? (
                    <span className="visually-hidden">{column.header}</span>
                  ) : (
                    column.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const id = getRowId(row);
              const below = expanded?.(row);
              return <DataRow key={id} row={row} columns={columns} below={below} />;
            })}
          </tbody>
        </table>
      </div>
      {footer}
    </>
  );
}

function DataRow<T>({
  row,
  columns,
  below,
}: {
  row: T;
  columns: readonly DataColumn<T>[];
  below: ReactNode;
}) {
  return (
    <>
      <tr>
        {columns.map((column) => {
          const className = cellClass(column);
          return column.rowHeader ? (
            <th key={column.id} scope="row" className={className}>
              {column.cell(row)}
            </th>
          ) : (
            <td key={column.id} className={className}>
              {column.cell(row)}
            </td>
          );
        })}
      </tr>
      {below ? (
        <tr className="table__expanded">
          <td colSpan={columns.length}>{below}</td>
        </tr>
      ) : null}
    </>
  );
}
