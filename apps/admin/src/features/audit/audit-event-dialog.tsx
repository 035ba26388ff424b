import { Dialog, ErrorState, Loading, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { OutcomeBadge } from "./outcome-badge.js";
import { useAuditLanguage } from "./use-audit-sentence.js";

/** One event as a sentence with names; the raw record (codes, ids, JSON, hashes) behind a disclosure. */
export function AuditEventDialog({ seq, onClose }: { seq: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const language = useAuditLanguage();
  const event = useQuery({ ...trpc.audit.get.queryOptions({ seq: seq ?? 0 }), enabled: seq !== null });
  return (
    <Dialog open={seq !== null} onClose={onClose} title={t("audit.eventTitle", { seq })} wide>
      {event.isPending ? (
        <Loading />
      ) : event.isError ? (
        <ErrorState error={event.error} />
      ) : (
        <>
          <p className="lead" data-testid="audit-event-sentence">
            {language.sentence(event.data)}
          </p>
          <dl className="description-list">
            <dt>{t("audit.time")}</dt>
            <dd>{format.dateTime(event.data.occurredAt)}</dd>
            <dt>{t("audit.actor")}</dt>
            <dd>{language.actor(event.data)}</dd>
            <dt>{t("audit.action")}</dt>
            <dd>{language.actionLabel(event.data.action)}</dd>
            <dt>{t("audit.target")}</dt>
            <dd>{language.target(event.data) || "–"}</dd>
            <dt>{t("audit.outcome")}</dt>
            <dd>
              <OutcomeBadge outcome={event.data.outcome} />
            </dd>
            <dt>{t("audit.address")}</dt>
            <dd>{event.data.ip ?? "–"}</dd>
          </dl>
          <details className="audit-details section">
            <summary>{t("audit.showDetails")}</summary>
            <dl className="description-list">
              <dt>{t("audit.actionCode")}</dt>
              <dd>
                <code>{event.data.action}</code>
              </dd>
              <dt>{t("audit.targetId")}</dt>
              <dd>
                <code>
                  {event.data.targetType ? `${event.data.targetType} ${event.data.targetId ?? ""}` : "–"}
                </code>
              </dd>
              <dt>{t("audit.rawDetails")}</dt>
              <dd>
                <pre className="json" data-testid="audit-event-json">
                  {JSON.stringify(event.data.details, null, 2)}
                </pre>
              </dd>
              <dt>{t("audit.hash")}</dt>
              <dd>
                <code className="hash">{event.data.hash ?? t("audit.notLinked")}</code>
              </dd>
              <dt>{t("audit.prevHash")}</dt>
              <dd>
                <code className="hash">{event.data.prevHash ?? t("audit.notLinked")}</code>
              </dd>
            </dl>
          </details>
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </Dialog>
  );
}
