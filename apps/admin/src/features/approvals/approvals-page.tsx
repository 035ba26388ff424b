import type { RouterOutputs } from "@kuulo/api";
import { type DataColumn, DataTable, PageHeader, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmedAction } from "../../lib/confirmed-action.js";
import { OneTimeLink } from "../users/one-time-link.js";

type Request = RouterOutputs["grants"]["findRequests"][number];
type Approved = RouterOutputs["grants"]["approveRequest"];

const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;

/**
 * R10 separation of duties: the privacy officer sees who asked for which listening right, for whom
 * and in which unit, and approves or refuses. A set-password link that comes with an approval is shown
 * here, to the approver, never to the person who asked.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [handOver, setHandOver] = useState<{ approved: Approved; name: string } | null>(null);
  const requests = useQuery(trpc.grants.findRequests.queryOptions());
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.grants.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() }),
    ]);
  const approve = useMutation(trpc.grants.approveRequest.mutationOptions({ onSuccess: refresh }));
  const refuse = useMutation(trpc.grants.refuseRequest.mutationOptions({ onSuccess: refresh }));
  const what = (request: Request) =>
    request.kind === "password_link"
      ? t("approvals.passwordLink")
      : t("approvals.roleIn", {
          role: t(`roles.${request.role ?? "employee"}`),
          unit: request.unit ? `${request.unit.name} (${request.unit.code})` : t("grants.allUnits"),
        });
  const columns: DataColumn<Request>[] = [
    {
      id: "person",
      header: t("approvals.person"),
      cell: (request) => (
        <>
          {fullName(request.user)} <code>{request.user.username}</code>
          <div className="muted">{request.user.organisationName}</div>
        </>
      ),
    },
    { id: "what", header: t("approvals.what"), cell: what },
    {
      id: "askedBy",
      header: t("approvals.askedBy"),
      cell: (request) =>
        request.requestedBy ? (
          <>
            {fullName(request.requestedBy)} <code>{request.requestedBy.username}</code>
          </>
        ) : (
          <span className="muted">{t("approvals.unknownRequester")}</span>
        ),
    },
    {
      id: "askedAt",
      header: t("approvals.askedAt"),
      cell: (request) => format.dateTime(request.requestedAt),
    },
    {
      id: "actions",
      header: t("actions"),
      headerHidden: true,
      align: "actions",
      cell: (request) => {
        const name = fullName(request.user);
        return (
          <div className="row row--tight">
            <ConfirmedAction
              label={t("approvals.approve")}
              title={t("approvals.approveTitle", { name })}
              body={<p>{t("approvals.approveBody", { what: what(request), name })}</p>}
              confirmLabel={t("approvals.approve")}
              run={async () =>
                setHandOver({ approved: await approve.mutateAsync({ requestId: request.id }), name })
              }
            />
            <ConfirmedAction
              label={t("approvals.refuse")}
              title={t("approvals.refuseTitle", { name })}
              body={<p>{t("approvals.refuseBody", { what: what(request), name })}</p>}
              confirmLabel={t("approvals.refuse")}
              danger
              run={() => refuse.mutateAsync({ requestId: request.id })}
            />
          </div>
        );
      },
    },
  ];
  return (
    <>
      <PageHeader title={t("approvals.title")} description={t("approvals.description")} />
      {handOver ? (
        <section className="card section" aria-labelledby="handover-title" data-testid="approval-handover">
          <h2 id="handover-title">{t("approvals.approvedTitle", { name: handOver.name })}</h2>
          {handOver.approved.setPasswordToken && handOver.approved.setPasswordExpiresAt ? (
            <OneTimeLink
              token={handOver.approved.setPasswordToken}
              expiresAt={handOver.approved.setPasswordExpiresAt}
              name={handOver.name}
            />
          ) : (
            <p>{t("approvals.keepsPassword", { name: handOver.name })}</p>
          )}
          <div className="row">
            <button type="button" className="button" onClick={() => setHandOver(null)}>
              {t("done")}
            </button>
          </div>
        </section>
      ) : null}
      <DataTable
        caption={t("approvals.title")}
        columns={columns}
        rows={requests.data}
        getRowId={(request) => request.id}
        query={requests}
        empty={{ title: t("approvals.empty"), body: t("approvals.emptyHint") }}
        testId="approval-requests"
      />
    </>
  );
}
