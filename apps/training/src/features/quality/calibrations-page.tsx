import { PageHeader, useCan, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { CalibrationList } from "./calibration-list.js";

/** A reviewer's calibrations to answer and, for a lead, the calibrations they started. */
export function CalibrationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { started } = useSearch({ from: "/app/quality/calibrations" });
  return (
    <>
      <PageHeader
        title={t("calibration.title")}
        description={t("calibration.description")}
        actions={
          <div className="row">
            <Link to="/quality">{t("quality.backToQueue")}</Link>
            {can("evaluation.calibrate") ? (
              <Link to="/quality/calibrations/new" className="button button--primary">
                {t("calibration.new")}
              </Link>
            ) : null}
          </div>
        }
      />
      <div className="stack">
        {started ? (
          <p className="alert alert--success" role="status">
            {t("calibration.started")}
          </p>
        ) : null}
        <WaitingSection />
        {can("evaluation.calibrate") ? <LedSection /> : null}
      </div>
    </>
  );
}

function WaitingSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const mine = useQuery(trpc.quality.calibrations.mine.queryOptions());
  return (
    <CalibrationList
      id="calibrations-waiting"
      title={t("calibration.waiting")}
      emptyTitle={t("calibration.waitingEmpty")}
      query={mine}
      rows={mine.data}
      status={(row, time) =>
        row.submitted ? (
          t("calibration.answered")
        ) : (
          <Link
            to="/quality/calibrations/$calibrationId/answer"
            params={{ calibrationId: row.calibrationId }}
          >
            {t("calibration.answer", { name: row.staffMember.name, time })}
          </Link>
        )
      }
    />
  );
}

function LedSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const led = useQuery(trpc.quality.calibrations.led.queryOptions());
  return (
    <CalibrationList
      id="calibrations-led"
      title={t("calibration.led")}
      emptyTitle={t("calibration.ledEmpty")}
      query={led}
      rows={led.data}
      status={(row) => t("calibration.answeredCount", { submitted: row.submitted, invited: row.invited })}
      action={(row, time) => (
        <Link to="/quality/calibrations/$calibrationId/spread" params={{ calibrationId: row.calibrationId }}>
          {t("calibration.compare", { name: row.staffMember.name, time })}
        </Link>
      )}
    />
  );
}
