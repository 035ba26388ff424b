import { ErrorState, FormError, Loading, PageHeader, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { audioUrl } from "../../lib/media-urls.js";
import { ClipPlayer } from "../player/clip-player.js";
import { type AnswerMap, AnswersEditor, toAnswerList } from "./answers-editor.js";
import { useQualityRefusal } from "./use-refusal.js";
import { useSessionState } from "./use-session-state.js";

/** A calibrating reviewer listens and answers the calibration's form version, blind to the others. */
export function CalibrationAnswerPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const refusal = useQualityRefusal();
  const { calibrationId } = useParams({ from: "/app/quality/calibrations/$calibrationId/answer" });
  const mine = useQuery(trpc.quality.calibrations.mine.queryOptions());
  const [answers, setAnswers, clearAnswers] = useSessionState<AnswerMap>(
    `calibration.${calibrationId}.answers`,
    {},
  );
  const [summary, setSummary, clearSummary] = useSessionState(`calibration.${calibrationId}.summary`, "");
  const [error, setError] = useState<string | null>(null);
  const submit = useMutation(
    trpc.quality.calibrations.submit.mutationOptions({
      onError: (failure) => setError(refusal(failure)),
      onSuccess: async () => {
        clearAnswers();
        clearSummary();
        await queryClient.invalidateQueries({ queryKey: trpc.quality.calibrations.mine.queryKey() });
      },
    }),
  );
  const back = <Link to="/quality/calibrations">{t("calibration.back")}</Link>;
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => mine.refetch()} />;
  const assignment = mine.data.find((row) => row.calibrationId === calibrationId);
  if (!assignment) {
    return (
      <>
        <PageHeader title={t("calibration.title")} actions={back} />
        <p className="alert alert--info">{t("calibration.notFound")}</p>
      </>
    );
  }
  const title = t("calibration.answerTitle", {
    name: assignment.staffMember.name,
    time: format.dateTime(assignment.callStartedAt),
  });
  if (submit.isSuccess || assignment.submitted) {
    return (
      <>
        <PageHeader title={title} actions={back} />
        <p className={submit.isSuccess ? "alert alert--success" : "alert alert--info"} role="status">
          {submit.isSuccess ? t("calibration.submitted") : t("calibration.alreadySubmitted")}
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} description={t("calibration.blindNote")} actions={back} />
      <div className="evaluate-layout">
        <CallPlayer recordingId={assignment.recordingId} title={title} />
        <form
          className="stack evaluate-form"
          aria-label={t("quality.evaluationForm")}
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            submit.mutate({ calibrationId, answers: toAnswerList(answers), summary });
          }}
        >
          <p className="muted">
            {t("calibration.form")}: {assignment.formName}
          </p>
          <AnswersEditor
            form={assignment.form}
            answers={answers}
            onChange={setAnswers}
            idPrefix="calibration"
          />
          <div className="field">
            <label htmlFor="calibration-summary">{t("quality.summary")}</label>
            <textarea
              id="calibration-summary"
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
            />
          </div>
          <FormError message={error} />
          <button type="submit" className="button button--primary" disabled={submit.isPending}>
            {t("calibration.submit")}
          </button>
        </form>
      </div>
    </>
  );
}

function CallPlayer({ recordingId, title }: { recordingId: string; title: string }) {
  const trpc = useTRPC();
  const recording = useQuery(trpc.recordings.get.queryOptions({ recordingId }));
  if (recording.isPending) return <Loading />;
  if (recording.isError) return <ErrorState error={recording.error} onRetry={() => recording.refetch()} />;
  return (
    <ClipPlayer
      recordingId={recording.data.id}
      durationMs={recording.data.durationMs}
      src={audioUrl(recording.data.id)}
      clip={null}
      enforceClip={false}
      title={title}
    />
  );
}
