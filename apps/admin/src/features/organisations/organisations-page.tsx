import type { RouterOutputs } from "@kuulo/api";
import { EmptyState, ErrorState, Loading, PageHeader, useCan, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { columnHelper, DataTable } from "../../lib/data-table.js";
import { agreementState } from "./agreement-state.js";
import { OrganisationDialog } from "./organisation-dialog.js";

type Organisation = RouterOutputs["organisations"]["find"][number];
const helper = columnHelper<Organisation>();
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
  const columns = useMemo(() => {
    const now = new Date();
    return [
      helper.accessor("name", { header: () => t("organisations.name") }),
      helper.display({
        id: "kind",
        header: () => t("organisations.kind"),
        cell: ({ row }) => t(`organisations.kinds.${row.original.kind}`),
      }),
      helper.accessor("businessId", { header: () => t("organisations.businessId") }),
      helper.accessor("country", { header: () => t("organisations.country") }),
      helper.display({
        id: "agreement",
        header: () => t("organisations.agreement"),
        cell: ({ row }) =>
          row.original.kind === "controller" ? (
            "–"
          ) : (
            <span>
              <code>{row.original.agreementReference}</code>
              <br />
              <span className="muted">
                {format.date(row.original.agreementValidFrom)} –{" "}
                {row.original.agreementValidUntil
                  ? format.date(row.original.agreementValidUntil)
                  : t("organisations.openEnded")}
              </span>
            </span>
          ),
      }),
      helper.display({
        id: "state",
        header: () => t("organisations.state"),
        cell: ({ row }) => {
          const state =
            row.original.kind === "controller"
              ? "controller"
              : row.original.agreementInForce
                ? "valid"
                : agreementState(row.original, now);
          return (
            <span className="stack stack--tight">
              <span className={`badge ${TONE[state]}`}>{t(`organisations.states.${state}`)}</span>
              <Link to="/users" search={{ organisationId: row.original.id }}>
                {row.original.agreementInForce
                  ? t("organisations.seeUsers")
                  : t("organisations.seeBlockedUsers")}
              </Link>
            </span>
          );
        },
      }),
      helper.display({
        id: "actions",
        header: () => <span className="visually-hidden">{t("actions")}</span>,
        cell: ({ row }) =>
          can("organisation.update") ? (
            <button type="button" className="button button--small" onClick={() => setEditing(row.original)}>
              {t("edit")}
              <span className="visually-hidden"> {row.original.name}</span>
            </button>
          ) : null,
      }),
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
      {organisations.isPending ? (
        <Loading />
      ) : organisations.isError ? (
        <ErrorState error={organisations.error} onRetry={() => organisations.refetch()} />
      ) : organisations.data.length === 0 ? (
        <EmptyState title={t("organisations.empty")}>
          <p>{t("organisations.emptyHint")}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t("organisations.title")}
          columns={columns}
          data={organisations.data}
          getRowId={(row) => row.id}
        />
      )}
      {editing !== null ? (
        <OrganisationDialog
          organisation={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
