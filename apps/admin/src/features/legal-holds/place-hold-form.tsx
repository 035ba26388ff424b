import { readDomainError, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";
import { RecordingsPicker } from "../pickers/recordings-picker.js";

type Field = "recordingIds" | "reason" | "caseReference";

/** R13 without a disclosure: recordings picked by search, a reason as written, an optional case number. */
export function PlaceHoldForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [recordingIds, setRecordingIds] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [caseReference, setCaseReference] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field | "form", string>>>({});
  const [placed, setPlaced] = useState<number | null>(null);
  const place = useMutation(
    trpc.legalHolds.place.mutationOptions({
      onSuccess: async (result) => {
        setPlaced(result.holds.length);
        setRecordingIds([]);
        setReason("");
        setCaseReference("");
        await queryClient.invalidateQueries({ queryKey: trpc.legalHolds.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.recordings.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.retention.pathKey() });
      },
      onError: (error) => {
        const domain = readDomainError(error);
        const field = domain?.field?.split(".")[0];
        const text = domain ? describe(domain) : t("error.saveFailed");
        if (field === "recordingIds" || field === "reason" || field === "caseReference") {
          setErrors({ [field]: text });
        } else setErrors({ form: text });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (recordingIds.length === 0) missing.recordingIds = t("validation.chooseOne");
    if (!reason.trim()) missing.reason = t("validation.too_small");
    setErrors(missing);
    setPlaced(null);
    if (Object.keys(missing).length > 0) return;
    place.mutate({
      recordingIds,
      reason: reason.trim(),
      ...(caseReference.trim() ? { caseReference: caseReference.trim() } : {}),
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="place-hold">
      <h3 id="place-hold">{t("holdForm.title")}</h3>
      <p className="muted">{t("holdForm.hint")}</p>
      {placed !== null ? (
        <p role="status" className="alert alert--success">
          {t("holdForm.placed", { count: placed })}
        </p>
      ) : null}
      {errors.form ? (
        <p role="alert" className="alert alert--danger">
          {errors.form}
        </p>
      ) : null}
      <RecordingsPicker selected={recordingIds} onChange={setRecordingIds} error={errors.recordingIds} />
      <div className="form-grid">
        <TextField
          label={t("holdForm.reason")}
          hint={t("holdForm.reasonHint")}
          error={errors.reason}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
        <TextField
          label={t("holdForm.caseReference")}
          hint={t("holdForm.caseReferenceHint")}
          error={errors.caseReference}
          value={caseReference}
          maxLength={100}
          onChange={(event) => setCaseReference(event.target.value)}
        />
      </div>
      <div className="row row--end">
        <button type="submit" className="button button--primary" disabled={place.isPending}>
          {t("holdForm.submit")}
        </button>
      </div>
    </form>
  );
}
