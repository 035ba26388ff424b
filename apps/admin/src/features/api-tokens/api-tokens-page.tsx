import type { RouterOutputs } from "@kuulo/api";
import { EmptyState, ErrorState, Loading, PageHeader, useCan, useFormat, useTRPC, WhyLink } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmedAction } from "../../lib/confirmed-action.js";
import { columnHelper, DataTable } from "../../lib/data-table.js";
import { CreateTokenDialog } from "./create-token-dialog.js";

type Token = RouterOutputs["apiTokens"]["find"][number];
const helper = columnHelper<Token>();

export function ApiTokensPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const tokens = useQuery(trpc.apiTokens.find.queryOptions());
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.pathKey() }),
    }),
  );
  const columns = useMemo(
    () => [
      helper.accessor("name", { header: () => t("tokens.name") }),
      helper.display({
        id: "scopes",
        header: () => t("tokens.scopes"),
        cell: ({ row }) => row.original.scopes.map((scope) => t(`perm.${scope}`)).join(", "),
      }),
      helper.display({
        id: "created",
        header: () => t("tokens.created"),
        cell: ({ row }) => format.dateTime(row.original.createdAt),
      }),
      helper.display({
        id: "lastUsed",
        header: () => t("tokens.lastUsed"),
        cell: ({ row }) =>
          row.original.lastUsedAt ? format.dateTime(row.original.lastUsedAt) : t("tokens.neverUsed"),
      }),
      helper.display({
        id: "status",
        header: () => t("tokens.status"),
        cell: ({ row }) =>
          row.original.revokedAt ? (
            <span className="badge">
              {t("tokens.revokedAt", { when: format.date(row.original.revokedAt) })}
            </span>
          ) : row.original.expiresAt && new Date(row.original.expiresAt) < new Date() ? (
            <span className="badge badge--warning">{t("tokens.expired")}</span>
          ) : (
            <span className="badge badge--success">{t("tokens.active")}</span>
          ),
      }),
      helper.display({
        id: "actions",
        header: () => <span className="visually-hidden">{t("actions")}</span>,
        cell: ({ row }) =>
          can("api_token.revoke") && !row.original.revokedAt ? (
            <ConfirmedAction
              label={t("tokens.revoke")}
              title={t("tokens.revokeTitle", { name: row.original.name })}
              body={<p>{t("tokens.revokeBody")}</p>}
              confirmLabel={t("tokens.revoke")}
              danger
              run={() => revoke.mutateAsync({ tokenId: row.original.id })}
            />
          ) : null,
      }),
    ],
    [t, can, format, revoke],
  );
  return (
    <>
      <PageHeader
        title={t("tokens.title")}
        description={
          <>
            {t("tokens.description")}
            <WhyLink clause="sources" />
          </>
        }
        actions={
          can("api_token.create") ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t("tokens.create")}
            </button>
          ) : null
        }
      />
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title={t("tokens.empty")}>
          <p>{t("tokens.emptyHint")}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t("tokens.title")}
          columns={columns}
          data={tokens.data}
          getRowId={(row) => row.id}
        />
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
