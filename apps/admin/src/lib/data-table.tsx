import {
  type ColumnDef,
  createColumnHelper,
  type RowData,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";

// Core row model only: filtering, sorting and paging happen on the server, inside the actor's scope.
const features = tableFeatures({});
export type TableFeatureSet = typeof features;
export const columnHelper = <T extends RowData>() => createColumnHelper<TableFeatureSet, T>();

export interface DataTableProps<T extends RowData> {
  caption: string;
  // biome-ignore lint/suspicious/noExplicitAny: columns of one table carry different value types
  columns: ColumnDef<TableFeatureSet, T, any>[];
  data: T[];
  getRowId: (row: T) => string;
}

export function DataTable<T extends RowData>({ caption, columns, data, getRowId }: DataTableProps<T>) {
  const table = useTable({ features, columns, data, getRowId: (row) => getRowId(row) });
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
