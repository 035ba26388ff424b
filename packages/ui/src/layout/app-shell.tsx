import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "../i18n/language-switcher.js";
import { useMe } from "../session/me-context.js";
import { SignOutButton } from "./sign-out-button.js";

export interface AppShellProps {
  appName: string;
  /** Navigation links; the app decides which the person may see (useCan). */
  nav: ReactNode;
  /** Link to the person's own account page, rendered around their name. */
  account?: (name: string) => ReactNode;
  children: ReactNode;
}

export function AppShell({ appName, nav, account, children }: AppShellProps) {
  const { t } = useTranslation("ui");
  const me = useMe();
  const name = `${me.user.firstName} ${me.user.lastName}`.trim() || me.user.username;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="shell__header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Kuulo <span className="brand__app">{appName}</span>
        </span>
        <div className="shell__user">
          {account ? account(name) : <span>{name}</span>}
          <LanguageSwitcher />
          <SignOutButton />
        </div>
      </header>
      <div className="shell__body">
        <nav className="shell__nav" aria-label={t("mainNavigation")}>
          {nav}
        </nav>
        <main className="shell__main" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
