import type { RouterOutputs } from "@kuulo/api";
import { PageHeader } from "@kuulo/ui";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

type Disclosure = RouterOutputs["disclosures"]["createStatutory"]["disclosure"];

/** After a statutory disclosure or an access request: whether it waits for a second officer, and its page. */
export function DisclosureCreated({ title, disclosure }: { title: string; disclosure: Disclosure }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <div className="card stack">
        <div className="alert alert--info" data-testid="disclosure-created">
          {disclosure.status === "pending_approval"
            ? t("disclosures.statutory.pendingApproval")
            : t("disclosures.statutory.ready")}
        </div>
        <p>
          <Link
            to="/disclosures/$disclosureId"
            params={{ disclosureId: disclosure.id }}
            className="button button--primary"
          >
            {t("disclosures.training.open")}
          </Link>
        </p>
      </div>
    </>
  );
}
