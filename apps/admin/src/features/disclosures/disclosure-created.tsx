import type { RouterOutputs } from "@kuulo/api";
import { PageHeader } from "@kuulo/ui";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Status = RouterOutputs["disclosures"]["createStatutory"]["disclosure"]["status"];

/** After any new disclosure: what the kind says about it, then the way to its page. */
export function DisclosureCreated({
  title,
  disclosureId,
  children,
}: {
  title: string;
  disclosureId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <div className="card stack">
        {children}
        <p>
          <Link to="/disclosures/$disclosureId" params={{ disclosureId }} className="button button--primary">
            {t("disclosures.training.open")}
          </Link>
        </p>
      </div>
    </>
  );
}

/** A statutory disclosure or an access request: waiting for a second officer, or its package ready. */
export function ExportStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--info" data-testid="disclosure-created">
      {status === "pending_approval"
        ? t("disclosures.statutory.pendingApproval")
        : t("disclosures.statutory.ready")}
    </div>
  );
}
