import { ErrorState, FormError, Loading, PageHeader, SelectField, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RecordingBrowser } from "../recordings/recording-browser.js";
import { CalibrationReviewerPicker, type ChosenReviewer } from "./calibration-reviewer-picker.js";
import { useQualityRefusal } from "./use-refusal.js";
import { useSessionState } from "./use-session-state.js";

interface ChosenCall {
  recordingId: string;
  name: string;
  callStartedAt: string;
}

/** The lead picks a call (the trainer's recording search), a published form and the reviewers by name. */
export function CalibrationNewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refusal = useQualityRefusal();
  const [call, setCall, clearCall] = useSessionState<ChosenCall | null>("calibration.call", null);
  const [formId, setFormId, clearForm] = useSessionState<string | null>("calibration.form", null);
  const [reviewers, setReviewers, clearReviewers] = useSessionState<ChosenReviewer[]>(
    "calibration.reviewers",
    [],
  );
  const [error, setError] = useState<string | null>(null);
  const forms = useQuery(trpc.quality.forms.list.queryOptions());
  const create = useMutation(
    trpc.quality.calibrations.create.mutationOptions({
      onError: (failure) => setError(refusal(failure)),
      onSuccess: async () => {
        clearCall();
        clearForm();
        clearReviewers();
        // The lead may be one of the reviewers: both lists change.
        await queryClient.invalidateQueries({ queryKey: trpc.quality.calibrations.pathKey() });
        await navigate({ to: "/quality/calibrations", search: { started: true } });
      },
    }),
  );
  const published = forms.data?.filter((form) => form.published) ?? [];
  const chosenForm = published.find((form) => form.formId === formId) ?? published[0];
  return (
    <>
      <PageHeader
        title={t("calibration.newTitle")}
        description={t("calibration.newDescription")}
        actions={<Link to="/quality/calibrations">{t("calibration.back")}</Link>}
      />
      <div className="stack">
        <section className="card" aria-labelledby="calibration-call">
          <h2 id="calibration-call">{t("calibration.chooseCall")}</h2>
          {call ? (
            <div className="row">
              <p>
                {t("calibration.chosenCall", { name: call.name, time: format.dateTime(call.callStartedAt) })}
              </p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setCall(null);
                  setReviewers([]);
                }}
              >
                {t("calibration.changeCall")}
              </button>
            </div>
          ) : (
            <RecordingBrowser
              action={(recording) => {
                const name = `${recording.staffMember.firstName} ${recording.staffMember.lastName}`;
                return (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      setCall({ recordingId: recording.id, name, callStartedAt: recording.callStartedAt })
                    }
                  >
                    {t("calibration.chooseThisCall", {
                      name,
                      time: format.dateTime(recording.callStartedAt),
                    })}
                  </button>
                );
              }}
            />
          )}
        </section>
        <section className="card" aria-labelledby="calibration-form">
          <h2 id="calibration-form">{t("calibration.chooseForm")}</h2>
          {forms.isPending ? (
            <Loading />
          ) : forms.isError ? (
            <ErrorState error={forms.error} onRetry={() => forms.refetch()} />
          ) : published.length === 0 ? (
            <p className="muted">{t("quality.noPublishedForm")}</p>
          ) : (
            <SelectField
              label={t("calibration.form")}
              value={chosenForm?.formId ?? ""}
              onChange={(event) => setFormId(event.target.value)}
            >
              {published.map((form) => (
                <option key={form.formId} value={form.formId}>
                  {form.name}
                </option>
              ))}
            </SelectField>
          )}
        </section>
        {call ? (
          <section className="card" aria-labelledby="calibration-reviewers">
            <h2 id="calibration-reviewers">{t("calibration.chooseReviewers")}</h2>
            <CalibrationReviewerPicker
              recordingId={call.recordingId}
              chosen={reviewers}
              onChange={setReviewers}
            />
          </section>
        ) : null}
        <div className="stack">
          {call && reviewers.length < 2 ? <p className="muted">{t("calibration.atLeastTwo")}</p> : null}
          <FormError message={error} />
          <div>
            <button
              type="button"
              className="button button--primary"
              disabled={!call || !chosenForm?.published || reviewers.length < 2 || create.isPending}
              onClick={() => {
                if (!call || !chosenForm?.published) return;
                setError(null);
                create.mutate({
                  recordingId: call.recordingId,
                  formVersionId: chosenForm.published.id,
                  reviewerUserIds: reviewers.map((reviewer) => reviewer.userId),
                });
              }}
            >
              {t("calibration.start")}
            </button>
          </div>
        </div>
      </div>
    </>
  );
}
