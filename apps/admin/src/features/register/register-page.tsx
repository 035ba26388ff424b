import { PageHeader } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import { PrivacyNoticeView } from "./privacy-notice-view.js";

export function RegisterPage() {
  const { t } = useTranslation();
  const publicUrl = `${window.location.origin}${import.meta.env.BASE_URL}privacy`;
  return (
    <>
      <PageHeader
        title={t("register.title")}
        description={
          <>
            {t("register.description")} <a href={publicUrl}>{publicUrl}</a>
          </>
        }
        actions={
          <button type="button" className="button" onClick={() => window.print()}>
            {t("printing.print")}
          </button>
        }
      />
      <div className="card">
        <PrivacyNoticeView headingLevel={2} />
      </div>
    </>
  );
}
