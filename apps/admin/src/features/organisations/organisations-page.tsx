import type { RouterOutputs } from "@kuulo/api";
import { type DataColumn, DataTable, PageHeader, useCan, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { agreementState } from "./agreement-state.js";
import { OrganisationDialog } from "./organisation-dialog.js";

type Organisation = RouterOutputs["organisations"]["find"][number];
const TONE = {
  controller: "badge--info",
  valid: "badge--success",
  not_started: "badge--warning",
  ended: "badge--danger",
};

export function OrganisationsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const organisations = useQuery(trpc.organisations.find.queryOptions());
  const [editing, setEditing] = useState<Organisation | "new" | null>(null);
  const columns = useMemo((): DataColumn<Organisation>[] => {
    const now = new Date();
    return [
      { id: "name", header: t("organisations.name"), rowHeader: true, cell: (row) => row.name },
      { id: "kind", header: t("organisations.kind"), cell: (row) => t(`organisations.kinds.${row.kind}`) },
      { id: "businessId", header: t("organisations.businessId"), cell: (row) => row.businessId },
      { id: "country", header: t("organisations.country"), cell: (row) => row.country },
      {
        id: "agreement",
        header: t("organisations.agreement"),
        cell: (row) =>
          row.kind === "controller" ? (
            "–"
          ) : (
            <span>
              <code>{row.agreementReference}</code>
              <br />
              <span className="muted">
                {format.date(row.agreementValidFrom)} –{" "}
                {row.agreementValidUntil
                  ? format.date(row.agreementValidUntil)
                  : t("organisations.openEnded")}
              </span>
            </span>
          ),
      },
      {
        id: "state",
        header: t("organisations.state"),
        cell: (row) => {
          const state =
            row.kind === "controller"
              ? "controller"
              : row.agreementInForce
                ? "valid"
                : agreementState(row, now);
          return (
            <span className="stack stack--tight">
              <span className={`badge ${TONE[state]}`}>{t(`organisations.states.${state}`)}</span>
              <Link to="/users" search={{ organisationId: row.id }}>
                {row.agreementInForce ? t("organisations.seeUsers") : t("organisations.seeBlockedUsers")}
              </Link>
            </span>
          );
        },
      },
      {
        id: "actions",
        header: t("actions"),
        headerHidden: true,
        align: "actions",
        cell: (row) =>
          can("organisation.update") ? (
            <button type="button" className="button button--small" onClick={() => setEditing(row)}>
              {t("edit")}
              <span className="visually-hidden"> {row.name}</span>
            </button>
          ) : null,
      },
    ];
  }, [t, can, format]);
  return (
    <>
      <PageHeader
        title={t("organisations.title")}
        description={t("organisations.description")}
        actions={
          can("organisation.create") ? (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")}>
              {t("organisations.create")}
            </button>
          ) : null
        }
      />
      <DataTable
        caption={t("organisations.title")}
        columns={columns}
        rows={organisations.data}
        getRowId={(row) => row.id}
        query={organisations}
        empty={{ title: t("organisations.empty"), body: t("organisations.emptyHint") }}
      />
      {editing !== null ? (
        <OrganisationDialog
          organisation={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
