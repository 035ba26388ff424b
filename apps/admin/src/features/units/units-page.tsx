import type { RouterOutputs } from "@kuulo/api";
import { EmptyState, ErrorState, Loading, PageHeader, useCan, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { columnHelper, DataTable } from "../../lib/data-table.js";
import { UnitDialog } from "./unit-dialog.js";

type Unit = RouterOutputs["units"]["find"][number];
const helper = columnHelper<Unit>();

export function UnitsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const units = useQuery(trpc.units.find.queryOptions({}));
  const organisations = useQuery({
    ...trpc.organisations.find.queryOptions(),
    enabled: can("organisation.read"),
  });
  const [editing, setEditing] = useState<Unit | "new" | null>(null);
  const organisationName = useMemo(() => {
    const names = new Map(
      (organisations.data ?? []).map((organisation) => [organisation.id, organisation.name]),
    );
    return (id: string) => names.get(id) ?? "–";
  }, [organisations.data]);
  const unitName = useMemo(() => {
    const names = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
    return (id: string | null) => (id ? (names.get(id) ?? "–") : "–");
  }, [units.data]);
  const columns = useMemo(
    () => [
      helper.accessor("name", { header: () => t("units.name") }),
      helper.accessor("code", {
        header: () => t("units.code"),
        cell: (info) => <code>{info.getValue()}</code>,
      }),
      helper.display({
        id: "organisation",
        header: () => t("units.organisation"),
        cell: ({ row }) => organisationName(row.original.organisationId),
      }),
      helper.display({
        id: "parent",
        header: () => t("units.parent"),
        cell: ({ row }) => unitName(row.original.parentId),
      }),
      helper.display({
        id: "actions",
        header: () => <span className="visually-hidden">{t("actions")}</span>,
        cell: ({ row }) =>
          can("unit.update", { unitId: row.original.id, organisationId: row.original.organisationId }) ||
          can("unit.update") ? (
            <button type="button" className="button button--small" onClick={() => setEditing(row.original)}>
              {t("edit")}
              <span className="visually-hidden"> {row.original.name}</span>
            </button>
          ) : null,
      }),
    ],
    [t, can, organisationName, unitName],
  );
  return (
    <>
      <PageHeader
        title={t("units.title")}
        description={t("units.description")}
        actions={
          can("unit.create") ? (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")}>
              {t("units.create")}
            </button>
          ) : null
        }
      />
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorState error={units.error} onRetry={() => units.refetch()} />
      ) : units.data.length === 0 ? (
        <EmptyState title={t("units.empty")}>
          <p>{t("units.emptyHint")}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t("units.title")}
          columns={columns}
          data={units.data}
          getRowId={(row) => row.id}
        />
      )}
      {editing !== null ? (
        <UnitDialog
          unit={editing === "new" ? null : editing}
          units={units.data ?? []}
          organisations={organisations.data ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
