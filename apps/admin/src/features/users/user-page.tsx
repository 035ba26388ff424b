import { ErrorState, Loading, PageHeader, useCan, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useDirectory } from "../../lib/use-directory.js";
import { EffectiveAccess } from "./effective-access.js";
import { GrantsSection } from "./grants-section.js";
import { UserActions } from "./user-actions.js";
import { UserDetailsForm } from "./user-details-form.js";
import { displayStatus, UserStatusBadge } from "./user-status.js";

const route = getRouteApi("/app/users/$userId");

export function UserPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const format = useFormat();
  const directory = useDirectory();
  const { userId } = route.useParams();
  const user = useQuery(trpc.users.get.queryOptions({ userId }));
  if (user.isPending) return <Loading />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => user.refetch()} />;
  const data = user.data;
  const status = displayStatus(data, directory.organisation(data.organisationId)?.agreementInForce);
  return (
    <>
      <p>
        <Link to="/users">← {t("users.backToList")}</Link>
      </p>
      <PageHeader
        title={`${data.firstName} ${data.lastName}`}
        description={
          <span className="row">
            <code>{data.username}</code>
            <span>{data.organisationName}</span>
            <UserStatusBadge status={status} />
          </span>
        }
        actions={
          can("audit.read") ? (
            <>
              <Link className="button button--small" to="/audit" search={{ actor: data.id }}>
                {t("users.auditByUser")}
              </Link>
              <Link
                className="button button--small"
                to="/audit"
                search={{ targetType: "user", targetId: data.id }}
              >
                {t("users.auditAboutUser")}
              </Link>
            </>
          ) : null
        }
      />
      {status === "blocked" ? (
        <div className="alert alert--error section">{t("users.blockedExplained")}</div>
      ) : null}
      <div className="grid-2 section">
        <section className="card" aria-labelledby="user-details-title">
          <h2 id="user-details-title">{t("users.details")}</h2>
          {can("user.update") ? (
            <UserDetailsForm user={data} />
          ) : (
            <dl className="description-list">
              <dt>{t("users.email")}</dt>
              <dd>{data.email ?? "–"}</dd>
            </dl>
          )}
        </section>
        <section className="card" aria-labelledby="user-account-title">
          <h2 id="user-account-title">{t("users.account")}</h2>
          <dl className="description-list section">
            <dt>{t("users.statusLabel")}</dt>
            <dd>
              <UserStatusBadge status={status} />
              {status === "locked" && data.lockedUntil ? (
                <span className="muted">
                  {" "}
                  {t("users.lockedUntil", { when: format.dateTime(data.lockedUntil) })}
                </span>
              ) : null}
            </dd>
            <dt>{t("users.passwordLabel")}</dt>
            <dd>{data.passwordSet ? t("users.passwordSet") : t("users.passwordNotSet")}</dd>
            <dt>{t("users.secondFactor")}</dt>
            <dd>{data.totpEnabled ? t("users.totpOn") : t("users.totpOff")}</dd>
            <dt>{t("users.created")}</dt>
            <dd>{format.date(data.createdAt)}</dd>
            {data.deactivatedAt ? (
              <>
                <dt>{t("users.deactivatedAt")}</dt>
                <dd>{format.dateTime(data.deactivatedAt)}</dd>
              </>
            ) : null}
          </dl>
          <UserActions user={data} locked={status === "locked"} />
        </section>
      </div>
      <GrantsSection user={data} directory={directory} />
      <EffectiveAccess user={data} directory={directory} />
    </>
  );
}
