import type { RouterOutputs } from "@kuulo/api";
import { type DataColumn, DataTable, PageHeader, useCan, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { UnitDialog } from "./unit-dialog.js";

type Unit = RouterOutputs["units"]["find"][number];

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
    (): DataColumn<Unit>[] => [
      { id: "name", header: t("units.name"), cell: (unit) => unit.name },
      { id: "code", header: t("units.code"), cell: (unit) => <code>{unit.code}</code> },
      {
        id: "organisation",
        header: t("units.organisation"),
        cell: (unit) => organisationName(unit.organisationId),
      },
      { id: "parent", header: t("units.parent"), cell: (unit) => unitName(unit.parentId) },
      {
        id: "actions",
        header: t("actions"),
        headerHidden: true,
        align: "actions",
        cell: (unit) =>
          can("unit.update", { unitId: unit.id, organisationId: unit.organisationId }) ||
          can("unit.update") ? (
            <button type="button" className="button button--small" onClick={() => setEditing(unit)}>
              {t("edit")}
              <span className="visually-hidden"> {unit.name}</span>
            </button>
          ) : null,
      },
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
      <DataTable
        caption={t("units.title")}
        columns={columns}
        rows={units.data}
        getRowId={(unit) => unit.id}
        query={units}
        empty={{ title: t("units.empty"), body: t("units.emptyHint") }}
      />
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
