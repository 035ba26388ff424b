import { ErrorState, FormError, Loading, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AnswerMap, AnswersEditor, toAnswerList } from "./answers-editor.js";
import { useQualityRefusal } from "./use-refusal.js";

/** Open disputes of the reviewer's units; a dispute is resolved by a reviewer other than its evaluator. */
export function DisputesSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const disputes = useQuery(trpc.quality.disputes.open.queryOptions());
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="quality-disputes">
      <h2 id="quality-disputes">{t("quality.openDisputes")}</h2>
      {disputes.isPending ? (
        <Loading />
      ) : disputes.isError ? (
        <ErrorState error={disputes.error} onRetry={() => disputes.refetch()} />
      ) : disputes.data.length === 0 ? (
        <p className="muted">{t("quality.noDisputes")}</p>
      ) : (
        <ul className="stack">
          {disputes.data.map((dispute) => (
            <li key={dispute.disputeId} className="dispute">
              <p>
                <strong>{dispute.staffMember}</strong> — {format.dateTime(dispute.raisedAt)}:{" "}
                {t("quality.score", { score: dispute.originalScore ?? "—" })}
              </p>
              <p>{dispute.reason}</p>
              {dispute.mayResolve ? (
                open === dispute.disputeId ? (
                  <ResolveForm disputeId={dispute.disputeId} evaluationId={dispute.evaluationId} />
                ) : (
                  <button type="button" className="button" onClick={() => setOpen(dispute.disputeId)}>
                    {t("quality.review", { name: dispute.staffMember })}
                  </button>
                )
              ) : (
                <p className="muted">{t("quality.otherReviewerResolves")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ResolveForm({ disputeId, evaluationId }: { disputeId: string; evaluationId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refusal = useQualityRefusal();
  const evaluation = useQuery(trpc.quality.evaluations.get.queryOptions({ evaluationId }));
  const [answers, setAnswers] = useState<AnswerMap | null>(null);
  const [resolution, setResolution] = useState("");
  const [error, setError] = useState<string | null>(null);
  const resolve = useMutation(
    trpc.quality.disputes.resolve.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.quality.pathKey() }),
      onError: (failure) => setError(refusal(failure)),
    }),
  );
  if (evaluation.isPending) return <Loading />;
  if (evaluation.isError) return <ErrorState error={evaluation.error} onRetry={() => evaluation.refetch()} />;
  const current =
    answers ?? Object.fromEntries(evaluation.data.answers.map((a) => [a.criterionKey, a.value] as const));
  const resolutionId = `resolution-${disputeId}`;
  return (
    <div className="stack">
      <AnswersEditor
        form={evaluation.data.form.content}
        answers={current}
        onChange={setAnswers}
        idPrefix={disputeId}
        moments={evaluation.data.moments}
      />
      <div className="field">
        <label htmlFor={resolutionId}>{t("quality.resolution")}</label>
        <textarea
          id={resolutionId}
          value={resolution}
          onChange={(event) => setResolution(event.target.value)}
        />
      </div>
      <FormError message={error} />
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={resolution.trim() === "" || resolve.isPending}
          onClick={() => resolve.mutate({ disputeId, decision: "uphold", resolution })}
        >
          {t("quality.uphold")}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={resolution.trim() === "" || resolve.isPending}
          onClick={() =>
            resolve.mutate({ disputeId, decision: "change", resolution, answers: toAnswerList(current) })
          }
        >
          {t("quality.change")}
        </button>
      </div>
    </div>
  );
}
