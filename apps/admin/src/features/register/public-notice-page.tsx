import { LanguageSwitcher } from "@kuulo/ui";
import { PrivacyNoticeView } from "./privacy-notice-view.js";

/** Public, no sign-in (R1). */
export function PublicNoticePage() {
  return (
    <div className="auth-page">
      <header className="auth-page__header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Kuulo
        </span>
        <LanguageSwitcher />
      </header>
      <main className="public-notice" id="main">
        <div className="card">
          <PrivacyNoticeView />
        </div>
      </main>
    </div>
  );
}
