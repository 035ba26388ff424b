import { EmptyState, ErrorState, Loading, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ConfirmedAction } from "../../lib/confirmed-action.js";
import { describeUserAgent } from "./describe-user-agent.js";

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
  return (
    <section className="card section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("account.sessions")}</h2>
      <p className="muted">{t("account.sessionsHint")}</p>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <EmptyState title={t("account.noSessions")} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("account.sessions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("account.device")}</th>
                <th scope="col">{t("account.address")}</th>
                <th scope="col">{t("account.signedInAt")}</th>
                <th scope="col">{t("account.lastActive")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((session) => (
                <tr key={session.id}>
                  <td>
                    {describeUserAgent(session.userAgent) ?? "–"}{" "}
                    {session.current ? (
                      <span className="badge badge--info">{t("account.thisSession")}</span>
                    ) : null}
                  </td>
                  <td>{session.ip ?? "–"}</td>
                  <td>{format.dateTime(session.createdAt)}</td>
                  <td>{format.dateTime(session.lastActiveAt)}</td>
                  <td className="num">
                    {session.current ? null : (
                      <ConfirmedAction
                        label={t("account.endSession")}
                        title={t("account.endSessionTitle")}
                        body={<p>{t("account.endSessionBody")}</p>}
                        confirmLabel={t("account.endSession")}
                        danger
                        run={() => end.mutateAsync({ sessionId: session.id })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
