import type { RouterOutputs } from "@kuulo/api";
import { useTranslation } from "react-i18next";
import { type AccessReason, explainGrants, groupByResource } from "./explain-grants.js";

type User = RouterOutputs["users"]["get"];

function ReasonText({ reason, unitName }: { reason: AccessReason; unitName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const role = reason.role === "self" ? t("access.everyone") : t(`roles.${reason.role}`);
  const where = reason.scope === "unit" ? unitName(reason.unitId) : t(`access.relation.${reason.scope}`);
  return (
    <li>
      <strong>{role}</strong> — {where}
    </li>
  );
}

/** "What can this person see and do, and why", from the domain policy and the person's grants. */
export function EffectiveAccess({ user }: { user: User }) {
  const { t } = useTranslation();
  const unitNames = new Map(user.grants.map((grant) => [grant.unitId, grant.unitName]));
  const unitName = (id: string | null) =>
    id === null ? t("grants.allUnits") : t("access.inUnit", { unit: unitNames.get(id) ?? id });
  const access = explainGrants(user.grants);
  const allowed = access.filter((entry) => entry.reasons.length > 0);
  const denied = access.filter((entry) => entry.reasons.length === 0);
  const listens = allowed.some((entry) => entry.permission === "recording.listen");
  const blocked = user.status !== "active" || user.blocked;
  return (
    <section className="card section" aria-labelledby="effective-access-title" data-testid="effective-access">
      <h2 id="effective-access-title">{t("access.title")}</h2>
      <p className="muted">{t("access.intro")}</p>
      {blocked ? <div className="alert alert--warning section">{t("access.notNow")}</div> : null}
      <p className={`alert ${listens ? "alert--info" : "alert--success"}`}>
        {listens ? t("access.listens") : t("access.noListening")}
      </p>
      <div className="table-wrap section">
        <table className="table">
          <caption className="visually-hidden">{t("access.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("access.area")}</th>
              <th scope="col">{t("access.may")}</th>
              <th scope="col">{t("access.why")}</th>
            </tr>
          </thead>
          <tbody>
            {[...groupByResource(allowed)].flatMap(([resource, entries]) =>
              entries.map((entry, index) => (
                <tr key={entry.permission}>
                  {index === 0 ? (
                    <th scope="row" rowSpan={entries.length}>
                      {t(`access.resource.${resource}`)}
                    </th>
                  ) : null}
                  <td>
                    {t(`perm.${entry.permission}`)} <code className="muted">{entry.permission}</code>
                  </td>
                  <td>
                    <ul className="reason-list">
                      {entry.reasons.map((reason) => (
                        <ReasonText key={`${reason.role}:${reason.scope}:${reason.unitId}`} reason={reason} unitName={unitName} />
                      ))}
                    </ul>
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <details>
        <summary>{t("access.deniedSummary", { count: denied.length })}</summary>
        <ul className="denied-list">
          {denied.map((entry) => (
            <li key={entry.permission}>
              {t(`perm.${entry.permission}`)} <code className="muted">{entry.permission}</code>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
