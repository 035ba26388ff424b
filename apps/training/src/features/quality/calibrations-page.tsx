import { ErrorState, Loading, PageHeader, useCan, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

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
  const format = useFormat();
  const mine = useQuery(trpc.quality.calibrations.mine.queryOptions());
  return (
    <section className="card" aria-labelledby="calibrations-waiting">
      <h2 id="calibrations-waiting">{t("calibration.waiting")}</h2>
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <p className="muted">{t("calibration.waitingEmpty")}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t("calibration.waiting")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("calibration.person")}</th>
              <th scope="col">{t("calibration.call")}</th>
              <th scope="col">{t("calibration.form")}</th>
              <th scope="col">{t("calibration.status")}</th>
            </tr>
          </thead>
          <tbody>
            {mine.data.map((row) => {
              const time = format.dateTime(row.callStartedAt);
              return (
                <tr key={row.calibrationId}>
                  <th scope="row">{row.staffMember.name}</th>
                  <td>{time}</td>
                  <td>{row.formName}</td>
                  <td>
                    {row.submitted ? (
                      t("calibration.answered")
                    ) : (
                      <Link
                        to="/quality/calibrations/$calibrationId/answer"
                        params={{ calibrationId: row.calibrationId }}
                      >
                        {t("calibration.answer", { name: row.staffMember.name, time })}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function LedSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const led = useQuery(trpc.quality.calibrations.led.queryOptions());
  return (
    <section className="card" aria-labelledby="calibrations-led">
      <h2 id="calibrations-led">{t("calibration.led")}</h2>
      {led.isPending ? (
        <Loading />
      ) : led.isError ? (
        <ErrorState error={led.error} onRetry={() => led.refetch()} />
      ) : led.data.length === 0 ? (
        <p className="muted">{t("calibration.ledEmpty")}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t("calibration.led")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("calibration.person")}</th>
              <th scope="col">{t("calibration.call")}</th>
              <th scope="col">{t("calibration.form")}</th>
              <th scope="col">{t("calibration.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {led.data.map((row) => {
              const time = format.dateTime(row.callStartedAt);
              return (
                <tr key={row.calibrationId}>
                  <th scope="row">{row.staffMember.name}</th>
                  <td>{time}</td>
                  <td>{row.formName}</td>
                  <td>
                    {t("calibration.answeredCount", { submitted: row.submitted, invited: row.invited })}
                  </td>
                  <td>
                    <Link
                      to="/quality/calibrations/$calibrationId/spread"
                      params={{ calibrationId: row.calibrationId }}
                    >
                      {t("calibration.compare", { name: row.staffMember.name, time })}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
