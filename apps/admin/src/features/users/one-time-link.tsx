import { CopyButton, useFormat } from "@kuulo/ui";
import { useTranslation } from "react-i18next";

/** Builds the set-password link; the token rides in the fragment so it never reaches a server log. */
export function setPasswordUrl(token: string): string {
  return `${window.location.origin}${import.meta.env.BASE_URL}set-password#token=${encodeURIComponent(token)}`;
}

export function OneTimeLink({ token, expiresAt, name }: { token: string; expiresAt: string; name: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const url = setPasswordUrl(token);
  return (
    <div className="stack">
      <div className="alert alert--warning">{t("users.link.shownOnce", { name })}</div>
      <code className="secret" data-testid="one-time-link">
        {url}
      </code>
      <div className="row row--between">
        <CopyButton value={url} label={t("users.link.copy")} />
        <span className="muted">{t("users.link.expires", { when: format.dateTime(expiresAt) })}</span>
      </div>
      <p className="muted">{t("users.link.howTo")}</p>
    </div>
  );
}
