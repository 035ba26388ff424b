import type { RouterOutputs } from "@kuulo/api";
import { type DataColumn, DataTable, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ConfirmedAction } from "../../lib/confirmed-action.js";
import { describeUserAgent } from "./describe-user-agent.js";

type Session = RouterOutputs["auth"]["listSessions"][number];

export function MySessions() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.listSessions.queryOptions());
  const end = useMutation(
    trpc.auth.endSession.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.listSessions.queryKey() }),
    }),
  );
  const columns: DataColumn<Session>[] = [
    {
      id: "device",
      header: t("account.device"),
      cell: (session) => (
        <>
          {describeUserAgent(session.userAgent) ?? "–"}{" "}
          {session.current ? <span className="badge badge--info">{t("account.thisSession")}</span> : null}
        </>
      ),
    },
    { id: "address", header: t("account.address"), cell: (session) => session.ip ?? "–" },
    {
      id: "signedIn",
      header: t("account.signedInAt"),
      cell: (session) => format.dateTime(session.createdAt),
    },
    {
      id: "lastActive",
      header: t("account.lastActive"),
      cell: (session) => format.dateTime(session.lastActiveAt),
    },
    {
      id: "actions",
      header: t("actions"),
      headerHidden: true,
      align: "actions",
      cell: (session) =>
        session.current ? null : (
          <ConfirmedAction
            label={t("account.endSession")}
            title={t("account.endSessionTitle")}
            body={<p>{t("account.endSessionBody")}</p>}
            confirmLabel={t("account.endSession")}
            danger
            run={() => end.mutateAsync({ sessionId: session.id })}
          />
        ),
    },
  ];
  return (
    <section className="card section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("account.sessions")}</h2>
      <p className="muted">{t("account.sessionsHint")}</p>
      <DataTable
        caption={t("account.sessions")}
        columns={columns}
        rows={sessions.data}
        getRowId={(session) => session.id}
        query={sessions}
        empty={{ title: t("account.noSessions") }}
      />
    </section>
  );
}
