import { formCriteria, MOMENT_KINDS, type MomentKind } from "@kuulo/domain/quality";
import {
  ErrorState,
  FormError,
  formatDuration,
  Loading,
  PageHeader,
  SelectField,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { audioUrl } from "../../lib/media-urls.js";
import { ClipPlayer } from "../player/clip-player.js";
import type { ClipRange } from "../player/use-clip-playback.js";
import { type AnswerMap, AnswersEditor, toAnswerList } from "./answers-editor.js";
import { QualityOnCall } from "./quality-on-call.js";
import { useQualityRefusal } from "./use-refusal.js";

interface MomentDraft {
  id: string;
  kind: MomentKind;
  startMs: number;
  endMs: number | null;
  text: string;
  criterionKey: string | null;
}

/** A reviewer evaluates a call: the player with moments marked on the waveform, the form beside it. */
export function EvaluatePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const refusal = useQualityRefusal();
  const { recordingId } = useParams({ from: "/app/quality/evaluate/$recordingId" });
  const recording = useQuery(trpc.recordings.get.queryOptions({ recordingId }));
  const forms = useQuery(trpc.quality.forms.list.queryOptions());
  const [formId, setFormId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [summary, setSummary] = useState("");
  const [moments, setMoments] = useState<MomentDraft[]>([]);
  const [selection, setSelection] = useState<ClipRange | null>(null);
  const [kind, setKind] = useState<MomentKind>("praise");
  const [text, setText] = useState("");
  const [criterionKey, setCriterionKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.quality.evaluations.create.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.quality.evaluations.forRecording.queryKey({ recordingId }),
        }),
      onError: (failure) => setError(refusal(failure)),
    }),
  );
  if (recording.isPending || forms.isPending) return <Loading />;
  if (recording.isError) return <ErrorState error={recording.error} onRetry={() => recording.refetch()} />;
  if (forms.isError) return <ErrorState error={forms.error} onRetry={() => forms.refetch()} />;
  const published = forms.data.filter((form) => form.published);
  const chosen = published.find((form) => form.formId === formId) ?? published[0];
  const title = t("quality.evaluateTitle", {
    name: `${recording.data.staffMember.firstName} ${recording.data.staffMember.lastName}`,
    time: format.dateTime(recording.data.callStartedAt),
  });
  const durationMs = recording.data.durationMs;
  const reviewedCall = {
    durationMs,
    unitId: recording.data.unit.id,
    personName: `${recording.data.staffMember.firstName} ${recording.data.staffMember.lastName}`,
  };
  const criteria = chosen?.published ? formCriteria(chosen.published.content) : [];
  const criterionTitle = (key: string | null) => criteria.find((c) => c.key === key)?.title ?? null;
  const clip = selection ?? { startMs: 0, endMs: Math.min(durationMs, 5000) };
  if (create.data) {
    return (
      <>
        <PageHeader title={title} />
        <div className="alert alert--success" role="status">
          {create.data.score === null
            ? t("quality.savedNoScore")
            : t("quality.saved", { score: format.number(create.data.score) })}
        </div>
        <Link to="/quality">{t("quality.backToQueue")}</Link>
        <QualityOnCall recordingId={recordingId} own={false} call={reviewedCall} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} actions={<Link to="/quality">{t("quality.backToQueue")}</Link>} />
      <div className="evaluate-layout">
        <div className="stack">
          <ClipPlayer
            recordingId={recording.data.id}
            durationMs={durationMs}
            src={audioUrl(recording.data.id)}
            clip={clip}
            enforceClip={false}
            title={title}
            onClipChange={setSelection}
            marks={moments}
            clipEditor={(positionMs) => (
              <div className="stack moment-composer">
                <h2>{t("quality.markMoment")}</h2>
                <p className="muted">
                  {t("quality.selection", {
                    start: formatDuration(clip.startMs),
                    end: formatDuration(clip.endMs),
                  })}
                </p>
                <div className="row">
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      setSelection({ startMs: positionMs, endMs: Math.max(positionMs + 1000, clip.endMs) })
                    }
                  >
                    {t("quality.startHere")}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      setSelection({ startMs: Math.min(clip.startMs, positionMs), endMs: positionMs })
                    }
                  >
                    {t("quality.endHere")}
                  </button>
                </div>
                <SelectField
                  label={t("quality.kind")}
                  value={kind}
                  onChange={(event) => setKind(event.target.value as MomentKind)}
                >
                  {MOMENT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`quality.kinds.${k}`)}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label={t("qualityLoop.criterion")}
                  value={criterionKey ?? ""}
                  onChange={(event) => setCriterionKey(event.target.value || null)}
                >
                  <option value="">{t("qualityLoop.noCriterion")}</option>
                  {criteria.map((criterion) => (
                    <option key={criterion.key} value={criterion.key}>
                      {criterion.title}
                    </option>
                  ))}
                </SelectField>
                <div className="field">
                  <label htmlFor="moment-text">{t("quality.feedback")}</label>
                  <textarea id="moment-text" value={text} onChange={(event) => setText(event.target.value)} />
                </div>
                <button
                  type="button"
                  className="button"
                  disabled={text.trim() === ""}
                  onClick={() => {
                    setMoments((all) => [
                      ...all,
                      {
                        id: String(all.length + 1),
                        kind,
                        startMs: clip.startMs,
                        endMs: clip.endMs,
                        text,
                        criterionKey,
                      },
                    ]);
                    setText("");
                  }}
                >
                  {t("quality.addMoment")}
                </button>
              </div>
            )}
          />
          {moments.length > 0 ? (
            <ul className="moment-list" aria-label={t("quality.moments")}>
              {moments.map((moment) => (
                <li key={moment.id} className={`moment moment--${moment.kind}`}>
                  <strong>{t(`quality.kinds.${moment.kind}`)}</strong>{" "}
                  <span className="muted">
                    {formatDuration(moment.startMs)}–{formatDuration(moment.endMs ?? moment.startMs)}
                  </span>{" "}
                  — {moment.text}{" "}
                  {moment.criterionKey ? (
                    <span className="muted">
                      ({t("qualityLoop.linkedTo", { criterion: criterionTitle(moment.criterionKey) })}){" "}
                    </span>
                  ) : null}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setMoments((all) => all.filter((m) => m.id !== moment.id))}
                  >
                    {t("quality.removeMoment", { time: formatDuration(moment.startMs) })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <form
          className="stack evaluate-form"
          aria-label={t("quality.evaluationForm")}
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen?.published) return;
            create.mutate({
              recordingId,
              formVersionId: chosen.published.id,
              answers: toAnswerList(answers),
              summary,
              moments: moments.map(({ kind: k, startMs, endMs, text: feedback, criterionKey: key }) => ({
                kind: k,
                startMs,
                endMs,
                text: feedback,
                criterionKey: key,
              })),
            });
          }}
        >
          {published.length === 0 ? (
            <p className="muted">{t("quality.noPublishedForm")}</p>
          ) : (
            <>
              <SelectField
                label={t("quality.form")}
                value={chosen?.formId ?? ""}
                onChange={(event) => {
                  setFormId(event.target.value);
                  setAnswers({});
                  // Links name criteria of the form they were made with.
                  setCriterionKey(null);
                  setMoments((all) => all.map((moment) => ({ ...moment, criterionKey: null })));
                }}
              >
                {published.map((form) => (
                  <option key={form.formId} value={form.formId}>
                    {form.name}
                  </option>
                ))}
              </SelectField>
              {chosen?.published ? (
                <AnswersEditor
                  form={chosen.published.content}
                  answers={answers}
                  onChange={setAnswers}
                  idPrefix="eval"
                  moments={moments}
                />
              ) : null}
              <div className="field">
                <label htmlFor="evaluation-summary">{t("quality.summary")}</label>
                <textarea
                  id="evaluation-summary"
                  value={summary}
                  onChange={(event) => setSummary(event.target.value)}
                />
              </div>
              <FormError message={error} />
              <button type="submit" className="button button--primary" disabled={create.isPending}>
                {t("quality.submitEvaluation")}
              </button>
            </>
          )}
        </form>
      </div>
      <QualityOnCall recordingId={recordingId} own={false} call={reviewedCall} />
    </>
  );
}
