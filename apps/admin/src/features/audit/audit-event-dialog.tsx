import { Dialog, ErrorState, Loading, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useQualityAuditLabel } from "../quality/quality-audit-label.js";

export function AuditEventDialog({ seq, onClose }: { seq: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qualityLabel = useQualityAuditLabel();
  const trpc = useTRPC();
  const format = useFormat();
  const event = useQuery({ ...trpc.audit.get.queryOptions({ seq: seq ?? 0 }), enabled: seq !== null });
  return (
    <Dialog open={seq !== null} onClose={onClose} title={t("audit.eventTitle", { seq })} wide>
      {event.isPending ? (
        <Loading />
      ) : event.isError ? (
        <ErrorState error={event.error} />
      ) : (
        <dl className="description-list">
          <dt>{t("audit.time")}</dt>
          <dd>{format.dateTime(event.data.occurredAt)}</dd>
          <dt>{t("audit.actor")}</dt>
          <dd>
            {event.data.actorLabel ?? "–"}{" "}
            <span className="muted">({t(`audit.actorTypes.${event.data.actorType}`)})</span>
          </dd>
          <dt>{t("audit.action")}</dt>
          <dd>
            {qualityLabel(event.data) ? <span>{qualityLabel(event.data)} </span> : null}
            <code>{event.data.action}</code>
          </dd>
          <dt>{t("audit.target")}</dt>
          <dd>{event.data.targetType ? `${event.data.targetType} ${event.data.targetId ?? ""}` : "–"}</dd>
          <dt>{t("audit.outcome")}</dt>
          <dd>{t(`audit.outcomes.${event.data.outcome}`)}</dd>
          <dt>{t("audit.address")}</dt>
          <dd>{event.data.ip ?? "–"}</dd>
          <dt>{t("audit.details")}</dt>
          <dd>
            <pre className="json">{JSON.stringify(event.data.details, null, 2)}</pre>
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
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </Dialog>
  );
}
