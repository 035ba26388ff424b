import type { RouterOutputs } from "@kuulo/api";
import { weakCriterionKeys } from "@kuulo/domain/quality";
import { FormError, useCan, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AddMomentToPlaylist } from "./add-moment-to-playlist.js";
import { answerLabel } from "./answer-label.js";
import { LinkedMoments, momentRange as range } from "./linked-moments.js";
import { StartCoaching } from "./start-coaching.js";
import { useQualityRefusal } from "./use-refusal.js";

type OnCall = RouterOutputs["quality"]["evaluations"]["forRecording"];
type Moment = OnCall["moments"][number];
type Evaluation = OnCall["evaluations"][number];

/** The quality data of one call, when quality review is on (null otherwise: nothing is shown). */
export function useQualityOfCall(recordingId: string) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.qualitySettings.get.queryOptions());
  return useQuery({
    ...trpc.quality.evaluations.forRecording.queryOptions({ recordingId }),
    enabled: settings.data?.enabled === true,
  });
}

/** What a reviewer's view knows of the call, for turning feedback into clips and coaching. */
export interface ReviewedCall {
  durationMs: number;
  unitId: string;
  personName: string;
}

/**
 * Feedback moments and evaluations of a call; the person whose call it is replies, acknowledges, disputes.
 * In a reviewer's view (`call` given) people who curate playlists turn moments into clips and coach.
 */
export function QualityOnCall({
  recordingId,
  own,
  call,
}: {
  recordingId: string;
  own: boolean;
  call?: ReviewedCall;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const quality = useQualityOfCall(recordingId);
  if (!quality.data) return null;
  const { moments, evaluations } = quality.data;
  const curating =
    own || !call ? null : { ...call, addClips: can("playlist.update"), coach: can("playlist.create") };
  const criterionTitles = new Map(
    evaluations.flatMap((evaluation) =>
      evaluation.form.content.sections
        .flatMap((section) => section.criteria)
        .map((criterion) => [`${evaluation.id}/${criterion.key}`, criterion.title] as const),
    ),
  );
  return (
    <section className="card quality-on-call" aria-labelledby="quality-on-call">
      <h2 id="quality-on-call">{t("quality.onCall")}</h2>
      {moments.length === 0 && evaluations.length === 0 ? (
        <p className="muted">{t("quality.nothingYet")}</p>
      ) : null}
      {moments.length > 0 ? (
        <>
          <h3>{t("quality.moments")}</h3>
          <ul className="moment-list">
            {moments.map((moment) => (
              <MomentItem
                key={moment.id}
                moment={moment}
                own={own}
                recordingId={recordingId}
                criterionTitle={criterionTitles.get(`${moment.evaluationId}/${moment.criterionKey}`) ?? null}
                clipTo={curating?.addClips ? curating : null}
              />
            ))}
          </ul>
        </>
      ) : null}
      {evaluations.map((evaluation) => (
        <EvaluationCard
          key={evaluation.id}
          evaluation={evaluation}
          own={own}
          recordingId={recordingId}
          coachFor={curating?.coach && !evaluation.calibration ? curating.personName : null}
        />
      ))}
    </section>
  );
}

function MomentItem({
  moment,
  own,
  recordingId,
  criterionTitle,
  clipTo,
}: {
  moment: Moment;
  own: boolean;
  recordingId: string;
  criterionTitle: string | null;
  clipTo: ReviewedCall | null;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refusal = useQualityRefusal();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.quality.evaluations.forRecording.queryKey({ recordingId }),
    });
  const reply = useMutation(
    trpc.quality.moments.reply.mutationOptions({
      onSuccess: async () => {
        setText("");
        setError(null);
        await refresh();
      },
      onError: (failure) => setError(refusal(failure)),
    }),
  );
  const acknowledge = useMutation(trpc.quality.moments.acknowledge.mutationOptions({ onSuccess: refresh }));
  const replyId = `reply-${moment.id}`;
  return (
    <li className={`moment moment--${moment.kind}`}>
      <p>
        <strong>{t(`quality.kinds.${moment.kind}`)}</strong> <span className="muted">{range(moment)}</span> —{" "}
        {moment.text} <span className="muted">({moment.author.name})</span>
        {criterionTitle ? (
          <>
            {" "}
            <span className="muted">— {t("qualityLoop.linkedTo", { criterion: criterionTitle })}</span>
          </>
        ) : null}
      </p>
      {moment.replies.length > 0 ? (
        <ul className="moment__replies" aria-label={t("quality.replies")}>
          {moment.replies.map((r) => (
            <li key={r.id}>
              <span className="muted">{r.author.name}:</span> {r.text}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row">
        <label htmlFor={replyId} className="visually-hidden">
          {t("quality.replyTo", { time: range(moment) })}
        </label>
        <input
          id={replyId}
          className="input"
          value={text}
          placeholder={t("quality.replyPlaceholder")}
          onChange={(event) => setText(event.target.value)}
        />
        <button
          type="button"
          className="button"
          disabled={text.trim() === "" || reply.isPending}
          onClick={() => reply.mutate({ momentId: moment.id, text })}
        >
          {t("quality.reply")}
        </button>
        {own ? (
          moment.acknowledgedAt ? (
            <span className="muted">{t("quality.acknowledged")}</span>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => acknowledge.mutate({ momentId: moment.id })}
            >
              {t("quality.acknowledge")}
            </button>
          )
        ) : moment.acknowledgedAt ? (
          <span className="muted">{t("quality.acknowledgedByPerson")}</span>
        ) : null}
        {clipTo ? (
          <AddMomentToPlaylist
            moment={moment}
            recordingId={recordingId}
            durationMs={clipTo.durationMs}
            unitId={clipTo.unitId}
          />
        ) : null}
      </div>
      <FormError message={error} />
    </li>
  );
}

function EvaluationCard({
  evaluation,
  own,
  recordingId,
  coachFor,
}: {
  evaluation: Evaluation;
  own: boolean;
  recordingId: string;
  /** The person's name when the viewer may start coaching from a weak criterion. */
  coachFor: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refusal = useQualityRefusal();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.quality.evaluations.forRecording.queryKey({ recordingId }),
    });
  const acknowledge = useMutation(
    trpc.quality.evaluations.acknowledge.mutationOptions({ onSuccess: refresh }),
  );
  const dispute = useMutation(
    trpc.quality.disputes.raise.mutationOptions({
      onSuccess: async () => {
        setError(null);
        await refresh();
      },
      onError: (failure) => setError(refusal(failure)),
    }),
  );
  const titles = new Map(
    evaluation.form.content.sections.flatMap((s) => s.criteria).map((c) => [c.key, c.title] as const),
  );
  const weakKeys = new Set(weakCriterionKeys(evaluation.answers));
  // A dispute that changed the answers keeps the earlier ones: shown beside each changed answer.
  const before =
    evaluation.dispute?.status === "changed"
      ? new Map(evaluation.dispute.originalAnswers.map((a) => [a.criterionKey, a.value] as const))
      : null;
  const headingId = `evaluation-${evaluation.id}`;
  const reasonId = `dispute-${evaluation.id}`;
  return (
    <article className="evaluation" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {evaluation.calibration ? t("quality.calibrationOf") : t("quality.evaluationOf")}{" "}
        {evaluation.form.content.name}
      </h3>
      <p>
        <strong>
          {evaluation.score === null ? t("quality.noScore") : t("quality.score", { score: evaluation.score })}
        </strong>{" "}
        {evaluation.passed === null ? null : evaluation.passed ? t("quality.passed") : t("quality.failed")}
        {evaluation.criticalFailed ? ` — ${t("quality.criticalFailed")}` : null}
      </p>
      <p className="muted">
        {t("quality.by", { name: evaluation.reviewer.name, when: format.dateTime(evaluation.createdAt) })}
      </p>
      {evaluation.summary ? <p>{evaluation.summary}</p> : null}
      <table className="table">
        <caption className="visually-hidden">{t("quality.answersCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("quality.criterion")}</th>
            <th scope="col">{t("quality.answer")}</th>
            <th scope="col">{t("qualityLoop.momentsColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.answers.map((answer) => {
            const title = titles.get(answer.criterionKey) ?? answer.criterionKey;
            const weak = weakKeys.has(answer.criterionKey);
            return (
              <tr key={answer.criterionKey}>
                <th scope="row">{title}</th>
                <td>
                  {answerLabel(t, answer.value)}
                  {before?.has(answer.criterionKey) && before.get(answer.criterionKey) !== answer.value ? (
                    <span className="muted">
                      {" "}
                      (
                      {t("qualityLoop.before", {
                        answer: answerLabel(t, before.get(answer.criterionKey) ?? "na"),
                      })}
                      )
                    </span>
                  ) : null}
                  {weak ? <span className="muted"> ({t("qualityLoop.weak")})</span> : null}
                  {weak && coachFor ? (
                    <>
                      {" "}
                      <StartCoaching
                        evaluationId={evaluation.id}
                        criterionKey={answer.criterionKey}
                        criterionTitle={title}
                        personName={coachFor}
                        linkedMoments={
                          evaluation.moments.filter((m) => m.criterionKey === answer.criterionKey).length
                        }
                      />
                    </>
                  ) : null}
                </td>
                <td>
                  <LinkedMoments
                    moments={evaluation.moments}
                    criterionKey={answer.criterionKey}
                    criterionTitle={title}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {evaluation.dispute ? (
        <p>
          {t(`quality.disputeStatus.${evaluation.dispute.status}`, {
            from: evaluation.dispute.originalScore ?? "—",
            to: evaluation.dispute.resultingScore ?? "—",
          })}
          {evaluation.dispute.resolution ? ` ${evaluation.dispute.resolution}` : null}
        </p>
      ) : null}
      {own && !evaluation.calibration ? (
        <div className="stack">
          {evaluation.acknowledgedAt ? (
            <p className="muted">{t("quality.acknowledged")}</p>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => acknowledge.mutate({ evaluationId: evaluation.id })}
            >
              {t("quality.acknowledgeEvaluation")}
            </button>
          )}
          {evaluation.dispute ? null : (
            <div className="field">
              <label htmlFor={reasonId}>{t("quality.disputeReason")}</label>
              <textarea id={reasonId} value={reason} onChange={(event) => setReason(event.target.value)} />
              <button
                type="button"
                className="button"
                disabled={reason.trim() === "" || dispute.isPending}
                onClick={() => dispute.mutate({ evaluationId: evaluation.id, reason })}
              >
                {t("quality.dispute")}
              </button>
            </div>
          )}
          <FormError message={error} />
        </div>
      ) : null}
    </article>
  );
}
