import type { RouterOutputs } from "@kuulo/api";
import { type DataColumn, DataTable, PageHeader, useCan, useFormat, useTRPC, WhyLink } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmedAction } from "../../lib/confirmed-action.js";
import { CreateTokenDialog } from "./create-token-dialog.js";

type Token = RouterOutputs["apiTokens"]["find"][number];

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
    (): DataColumn<Token>[] => [
      { id: "name", header: t("tokens.name"), rowHeader: true, cell: (token) => token.name },
      {
        id: "scopes",
        header: t("tokens.scopes"),
        cell: (token) => token.scopes.map((scope) => t(`perm.${scope}`)).join(", "),
      },
      { id: "created", header: t("tokens.created"), cell: (token) => format.dateTime(token.createdAt) },
      {
        id: "lastUsed",
        header: t("tokens.lastUsed"),
        cell: (token) => (token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t("tokens.neverUsed")),
      },
      {
        id: "status",
        header: t("tokens.status"),
        cell: (token) =>
          token.revokedAt ? (
            <span className="badge">{t("tokens.revokedAt", { when: format.date(token.revokedAt) })}</span>
          ) : token.expiresAt && new Date(token.expiresAt) < new Date() ? (
            <span className="badge badge--warning">{t("tokens.expired")}</span>
          ) : (
            <span className="badge badge--success">{t("tokens.active")}</span>
          ),
      },
      {
        id: "actions",
        header: t("actions"),
        headerHidden: true,
        align: "actions",
        cell: (token) =>
          can("api_token.revoke") && !token.revokedAt ? (
            <ConfirmedAction
              label={t("tokens.revoke")}
              title={t("tokens.revokeTitle", { name: token.name })}
              body={<p>{t("tokens.revokeBody")}</p>}
              confirmLabel={t("tokens.revoke")}
              danger
              run={() => revoke.mutateAsync({ tokenId: token.id })}
            />
          ) : null,
      },
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
      <DataTable
        caption={t("tokens.title")}
        columns={columns}
        rows={tokens.data}
        getRowId={(token) => token.id}
        query={tokens}
        empty={{ title: t("tokens.empty"), body: t("tokens.emptyHint") }}
      />
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
