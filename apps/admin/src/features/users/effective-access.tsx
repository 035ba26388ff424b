import type { RouterOutputs } from "@kuulo/api";
import type { Permission } from "@kuulo/domain/access";
import { ErrorState, Loading, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { useDirectory } from "../../lib/use-directory.js";
import { type AccessReason, explainGrants, groupByResource } from "./explain-grants.js";

type User = RouterOutputs["users"]["get"];
type Entry = RouterOutputs["users"]["effectiveAccess"][number];

/**
 * "What can this person see and do, and why". What and where come from the API (the domain's
 * explainAccess over the person's real grants); the reasons name the grants that give each right.
 */
export function EffectiveAccess({
  user,
  directory,
}: {
  user: User;
  directory: ReturnType<typeof useDirectory>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const access = useQuery(trpc.users.effectiveAccess.queryOptions({ userId: user.id }));
  const unitName = (id: string | null) =>
    id === null ? t("grants.allUnits") : t("access.inUnit", { unit: directory.unit(id)?.name ?? id });
  const where = (entry: Entry) => {
    if (entry.permission.startsWith("self.")) return t("access.ownAccount");
    const places = entry.all ? [t("grants.allUnits")] : entry.unitIds.map(unitName);
    return [...places, ...entry.relations.map((relation) => t(`access.relation.${relation}`))].join("; ");
  };
  const reasons = new Map(explainGrants(user.grants).map((entry) => [entry.permission, entry.reasons]));
  const reasonText = (reason: AccessReason) => {
    const role = reason.role === "self" ? t("access.everyone") : t(`roles.${reason.role}`);
    const scope =
      reason.role === "self"
        ? t("access.ownAccount")
        : reason.scope === "unit"
          ? unitName(reason.unitId)
          : t(`access.relation.${reason.scope}`);
    return `${role} — ${scope}`;
  };
  const blocked =
    user.status !== "active" || directory.organisation(user.organisationId)?.agreementInForce === false;
  return (
    <section className="card section" aria-labelledby="effective-access-title" data-testid="effective-access">
      <h2 id="effective-access-title">{t("access.title")}</h2>
      <p className="muted">{t("access.intro")}</p>
      {access.isPending ? (
        <Loading />
      ) : access.isError ? (
        <ErrorState error={access.error} onRetry={() => access.refetch()} />
      ) : (
        <AccessTable
          allowed={access.data.filter((entry) => entry.allowed)}
          denied={access.data.filter((entry) => !entry.allowed).map((entry) => entry.permission)}
          blocked={blocked}
          where={where}
          because={(permission) => (reasons.get(permission) ?? []).map(reasonText)}
        />
      )}
    </section>
  );
}

function AccessTable({
  allowed,
  denied,
  blocked,
  where,
  because,
}: {
  allowed: Entry[];
  denied: Permission[];
  blocked: boolean;
  where: (entry: Entry) => string;
  because: (permission: Permission) => string[];
}) {
  const { t } = useTranslation();
  const listens = allowed.some((entry) => entry.permission === "recording.listen");
  const groups = groupByResource(allowed.map((entry) => ({ permission: entry.permission, reasons: [] })));
  const byPermission = new Map(allowed.map((entry) => [entry.permission, entry]));
  return (
    <>
      {blocked ? <div className="alert alert--warning section">{t("access.notNow")}</div> : null}
      <p className={`alert ${listens ? "alert--info" : "alert--success"}`} data-testid="listening-summary">
        {listens ? t("access.listens") : t("access.noListening")}
      </p>
      <div className="table-wrap section">
        <table className="table">
          <caption className="visually-hidden">{t("access.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("access.area")}</th>
              <th scope="col">{t("access.may")}</th>
              <th scope="col">{t("access.where")}</th>
              <th scope="col">{t("access.why")}</th>
            </tr>
          </thead>
          <tbody>
            {[...groups].flatMap(([resource, entries]) =>
              entries.map(({ permission }, index) => (
                <tr key={permission} data-permission={permission}>
                  {index === 0 ? (
                    <th scope="row" rowSpan={entries.length}>
                      {t(`access.resource.${resource}`)}
                    </th>
                  ) : null}
                  <td>{t(`perm.${permission}`)}</td>
                  <td>{byPermission.get(permission) ? where(byPermission.get(permission) as Entry) : ""}</td>
                  <td>
                    <ul className="reason-list">
                      {because(permission).map((text) => (
                        <li key={text}>{text}</li>
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
          {denied.map((permission) => (
            <li key={permission}>{t(`perm.${permission}`)}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
