import { LanguageSwitcher, PageHeader, useMe } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import { ChangePasswordForm } from "./change-password-form.js";
import { MySessions } from "./my-sessions.js";
import { SecondFactorCard } from "./second-factor-card.js";

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader
        title={t("account.title")}
        description={t("account.description", { username: me.user.username })}
      />
      {me.user.mustChangePassword ? (
        <div className="alert alert--warning section">{t("account.mustChange")}</div>
      ) : null}
      <div className="grid-2 section">
        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title">{t("account.password")}</h2>
          <ChangePasswordForm />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="language-title">
            <h2 id="language-title">{t("account.language")}</h2>
            <p className="muted">{t("account.languageHint")}</p>
            <LanguageSwitcher />
          </section>
          <SecondFactorCard />
        </div>
      </div>
      <MySessions />
    </>
  );
}
