import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { reasonText } from "../i18n/reason-texts.js";
import { readDomainError } from "../trpc/domain-error.js";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation("ui");
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label ?? t("loading")}</span>
    </div>
  );
}

/** Empty states say what the list would hold and what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation("ui");
  const domain = readDomainError(error);
  // A known reason is worded in the chosen language; then codes with a fixed meaning; else the API's message.
  const byCode: Partial<Record<string, string>> = {
    FORBIDDEN: t("error.forbidden"),
    NOT_FOUND: t("error.notFound"),
    UNAUTHENTICATED: t("session.endedTitle"),
    RATE_LIMITED: t("signIn.rateLimited"),
    INTERNAL: t("error.generic"),
  };
  const message =
    reasonText(domain?.reason, i18n.language) ??
    (domain && byCode[domain.code]) ??
    domain?.message ??
    t("error.generic");
  return (
    <div className="alert alert--error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}
