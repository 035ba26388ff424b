import { ErrorState, Loading, PageHeader, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { answerLabel } from "./answer-label.js";

const number = (value: number | null) => (value === null ? "—" : String(value));

/**
 * The lead's comparison: each reviewer's answer per criterion beside lowest, highest, mean and their
 * difference. A table says it all for a handful of reviewers; a chart would add nothing.
 */
export function CalibrationSpreadPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const { calibrationId } = useParams({ from: "/app/quality/calibrations/$calibrationId/spread" });
  const spread = useQuery(trpc.quality.calibrations.spread.queryOptions({ calibrationId }));
  const led = useQuery(trpc.quality.calibrations.led.queryOptions());
  const back = <Link to="/quality/calibrations">{t("calibration.back")}</Link>;
  if (spread.isPending || led.isPending) return <Loading />;
  if (spread.isError) return <ErrorState error={spread.error} onRetry={() => spread.refetch()} />;
  if (led.isError) return <ErrorState error={led.error} onRetry={() => led.refetch()} />;
  const call = led.data.find((row) => row.calibrationId === calibrationId);
  const title = call
    ? t("calibration.spreadTitle", { name: call.staffMember.name, time: format.dateTime(call.callStartedAt) })
    : t("calibration.title");
  const { reviewerNames } = spread.data;
  return (
    <>
      <PageHeader
        title={title}
        description={t("calibration.spreadProgress", {
          submitted: spread.data.reviewers,
          invited: spread.data.invited,
        })}
        actions={back}
      />
      {spread.data.reviewers === 0 ? (
        <p className="alert alert--info">{t("calibration.spreadNone")}</p>
      ) : (
        <section className="card stack" aria-labelledby="calibration-spread">
          <h2 id="calibration-spread">{t("calibration.spreadCaption")}</h2>
          {spread.data.scoreRange === null ? null : (
            <p>{t("calibration.scoreRange", { range: spread.data.scoreRange })}</p>
          )}
          <div className="table-wrap">
            <table className="table" data-testid="calibration-spread">
              <caption className="visually-hidden">{t("calibration.spreadCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("calibration.criterion")}</th>
                  {reviewerNames.map((name, index) => (
                    <th scope="col" key={`${name}-${index}`}>
                      {name}
                    </th>
                  ))}
                  <th scope="col">{t("calibration.lowest")}</th>
                  <th scope="col">{t("calibration.highest")}</th>
                  <th scope="col">{t("calibration.mean")}</th>
                  <th scope="col">{t("calibration.range")}</th>
                  <th scope="col">{t("calibration.agreement")}</th>
                </tr>
              </thead>
              <tbody>
                {spread.data.criteria.map((criterion) => (
                  <tr key={criterion.criterionKey}>
                    <th scope="row">{criterion.title}</th>
                    {criterion.answers.map((answer, index) => (
                      <td key={`${criterion.criterionKey}-${reviewerNames[index] ?? index}`}>
                        {answerLabel(t, answer)}
                      </td>
                    ))}
                    <td>{number(criterion.min)}</td>
                    <td>{number(criterion.max)}</td>
                    <td>{number(criterion.mean)}</td>
                    <td>{number(criterion.range)}</td>
                    <td>{criterion.agreed ? t("calibration.agreed") : t("calibration.disagreed")}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("calibration.totalScore")}</th>
                  {spread.data.scores.map((score, index) => (
                    <td key={`score-${reviewerNames[index] ?? index}`}>{number(score)}</td>
                  ))}
                  <td colSpan={5} />
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
