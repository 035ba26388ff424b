import { EmptyState, ErrorState, Loading, useCan, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ReasonAction } from "../disclosures/reason-action.js";
import { PlaceHoldForm } from "./place-hold-form.js";

/** Open legal holds in the caller's units; a privacy officer releases one with a reason (audited). */
export function LegalHoldsSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const queryClient = useQueryClient();
  const holds = useQuery(trpc.legalHolds.find.queryOptions({}));
  const release = useMutation(
    trpc.legalHolds.release.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.legalHolds.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.retention.pathKey() });
      },
    }),
  );
  return (
    <section className="card" aria-labelledby="legal-holds">
      <h2 id="legal-holds">{t("holds.title")}</h2>
      <p className="muted">{t("holds.hint")}</p>
      {can("legal_hold.place") ? <PlaceHoldForm /> : null}
      {holds.isPending ? (
        <Loading />
      ) : holds.isError ? (
        <ErrorState error={holds.error} onRetry={() => holds.refetch()} />
      ) : holds.data.items.length === 0 ? (
        <EmptyState title={t("holds.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("holds.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("holdForm.staff")}</th>
                <th scope="col">{t("holdForm.call")}</th>
                <th scope="col">{t("holds.reason")}</th>
                <th scope="col">{t("holdForm.caseReferenceColumn")}</th>
                <th scope="col">{t("holds.placedAt")}</th>
                <th scope="col">{t("holds.disclosure")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holds.data.items.map((hold) => (
                <tr key={hold.id}>
                  <td>{hold.recording.staffName}</td>
                  <td>
                    {format.dateTime(hold.recording.callStartedAt)} ·{" "}
                    {format.duration(hold.recording.durationMs)}
                  </td>
                  <td>{hold.reason}</td>
                  <td>{hold.caseReference ?? "–"}</td>
                  <td>{format.dateTime(hold.placedAt)}</td>
                  <td>
                    {hold.disclosureId ? (
                      <Link
                        to="/disclosures/$disclosureId"
                        params={{ disclosureId: hold.disclosureId }}
                        aria-label={`${t("holdForm.disclosureLink")}: ${hold.recording.staffName}, ${format.dateTime(hold.recording.callStartedAt)}`}
                      >
                        {t("holdForm.disclosureLink")}
                      </Link>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td>
                    {can("legal_hold.release") ? (
                      <ReasonAction
                        label={t("holds.release")}
                        title={t("holds.releaseTitle")}
                        body={<p>{t("holds.releaseBody")}</p>}
                        reasonLabel={t("holds.releaseReason")}
                        run={(reason) => release.mutateAsync({ holdIds: [hold.id], reason })}
                      />
                    ) : null}
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
