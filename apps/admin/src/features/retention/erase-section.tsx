import { ConfirmDialog, readDomainError, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";
import { RecordingsPicker } from "../pickers/recordings-picker.js";

type Field = "recordingIds" | "reason";

/** GDPR Art. 17: erase named recordings now, with a reason; asks before it acts (cannot be undone). */
export function EraseSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [recordingIds, setRecordingIds] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [confirming, setConfirming] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [erased, setErased] = useState<number | null>(null);
  const erase = useMutation(
    trpc.retention.erase.mutationOptions({
      onSuccess: async (result) => {
        setConfirming(false);
        setErased(result.erased.length);
        setRecordingIds([]);
        setReason("");
        await queryClient.invalidateQueries({ queryKey: trpc.retention.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.legalHolds.pathKey() });
      },
      onError: (error) => {
        const domain = readDomainError(error);
        const field = domain?.field?.split(".")[0];
        if (field === "recordingIds" || field === "reason") {
          setConfirming(false);
          setErrors({ [field]: domain ? describe(domain) : "" });
        } else setDialogError(domain ? describe(domain) : t("error.saveFailed"));
      },
    }),
  );
  const ask = (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (recordingIds.length === 0) missing.recordingIds = t("validation.chooseOne");
    if (!reason.trim()) missing.reason = t("validation.too_small");
    setErrors(missing);
    setErased(null);
    setDialogError(null);
    if (Object.keys(missing).length === 0) setConfirming(true);
  };
  return (
    <section className="card" aria-labelledby="retention-erase">
      <h2 id="retention-erase">{t("retention.erase")}</h2>
      <p className="muted">{t("retention.eraseHint")}</p>
      <form className="stack" onSubmit={ask} noValidate>
        {erased !== null ? (
          <p role="status" className="alert alert--success">
            {t("retention.erased", { count: erased })}
          </p>
        ) : null}
        <RecordingsPicker
          legend={t("retention.eraseIds")}
          selected={recordingIds}
          onChange={setRecordingIds}
          error={errors.recordingIds}
        />
        <TextField
          label={t("retention.eraseReason")}
          hint={t("retention.eraseReasonHint")}
          error={errors.reason}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="row row--end">
          <button type="submit" className="button button--danger-outline">
            {t("retention.eraseSubmit")}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t("retention.eraseTitle")}
        confirmLabel={t("retention.eraseSubmit").replace("…", "")}
        danger
        pending={erase.isPending}
        error={dialogError}
        onConfirm={() => erase.mutate({ recordingIds, reason: reason.trim() })}
        onCancel={() => setConfirming(false)}
      >
        <p>{t("retention.eraseBody", { count: recordingIds.length })}</p>
      </ConfirmDialog>
    </section>
  );
}
