import { useTranslation } from "react-i18next";
import { SignInFlow, type SignInStep } from "../auth/sign-in-flow.js";
import { LanguageSwitcher } from "../i18n/language-switcher.js";

export interface SignInScreenProps {
  appName: string;
  onSignedIn: () => void;
  initialStep?: SignInStep;
}

export function SignInScreen({ appName, onSignedIn, initialStep }: SignInScreenProps) {
  const { t } = useTranslation("ui");
  return (
    <div className="auth-page">
      <header className="auth-page__header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Kuulo <span className="brand__app">{appName}</span>
        </span>
        <LanguageSwitcher />
      </header>
      <main className="auth-page__main" id="main">
        <div className="card card--narrow">
          <SignInFlow onSignedIn={onSignedIn} initialStep={initialStep ?? "password"} />
        </div>
        <p className="auth-page__note muted">{t("signIn.designatedOnly")}</p>
      </main>
    </div>
  );
}
