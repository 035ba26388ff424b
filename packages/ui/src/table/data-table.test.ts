import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type DataColumn, DataTable, type DataTableProps } from "./data-table.js";

interface Row {
  id: string;
  name: string;
  count: number;
}

const columns: DataColumn<Row>[] = [
  { id: "name", header: "Name", rowHeader: true, cell: (row) => row.name },
  { id: "count", header: "Count", align: "num", cell: (row) => row.count },
  { id: "actions", header: "Actions", headerHidden: true, align: "actions", cell: (row) => `open ${row.id}` },
];
const settled = { isPending: false, isError: false, error: null, refetch: () => undefined };

const render = (props: Partial<DataTableProps<Row>>) =>
  renderToStaticMarkup(
    createElement(DataTable<Row>, {
      caption: "Things",
      columns,
      rows: [],
      getRowId: (row) => row.id,
      empty: { title: "Nothing yet", body: "Add one." },
      ...props,
    }),
  );

describe("DataTable", () => {
  it("shows a loading status while the query is pending, and no table", () => {
    const html = render({ query: { ...settled, isPending: true }, rows: undefined });
    expect(html).toContain('role="status"');
    expect(html).not.toContain("<table");
  });

  it("shows the error with a retry button when the query failed", () => {
    const html = render({ query: { ...settled, isError: true, error: new Error("x") }, rows: undefined });
    expect(html).toContain('role="alert"');
    expect(html).toContain("<button");
    expect(html).not.toContain("<table");
  });

  it("shows the empty state with its title and body when there are no rows", () => {
    const html = render({ query: settled, rows: [], footer: "pager" });
    expect(html).toContain("empty-state");
    expect(html).toContain("Nothing yet");
    expect(html).toContain("<p>Add one.</p>");
    expect(html).not.toContain("pager");
  });

  it("draws a captioned table: column headers, a row header, hidden action header, aligned cells", () => {
    const html = render({
      query: settled,
      rows: [{ id: "a", name: "Alpha", count: 3 }],
      footer: "pager",
      testId: "things",
    });
    expect(html).toContain('data-testid="things"');
    expect(html).toContain('<caption class="visually-hidden">Things</caption>');
    expect(html).toContain('<th scope="col">Name</th>');
    expect(html).toContain(
      '<th scope="col" class="table__actions"><span class="visually-hidden">Actions</span></th>',
    );
    expect(html).toContain('<th scope="row">Alpha</th>');
    expect(html).toContain('<td class="num">3</td>');
    expect(html).toContain("pager");
  });

  it("puts expanded content under its row across every column", () => {
    const html = render({
      rows: [
        { id: "a", name: "Alpha", count: 1 },
        { id: "b", name: "Beta", count: 2 },
      ],
      expanded: (row) => (row.id === "b" ? "player" : null),
    });
    expect(html.match(/table__expanded/g)).toHaveLength(1);
    expect(html).toContain('<td colSpan="3">player</td>');
  });

  it("shows the caption on screen when asked", () => {
    const html = render({ rows: [{ id: "a", name: "Alpha", count: 1 }], showCaption: true });
    expect(html).toContain('<caption class="table__caption">Things</caption>');
  });
});
