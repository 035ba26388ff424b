import { zodResolver } from "@hookform/resolvers/zod";
import { applyServerError, ConfirmDialog, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldError } from "../../lib/field-error.js";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";
import { RecordingsField } from "../pickers/recordings-field.js";
import {
  type RecordingsWithReason,
  recordingsWithReasonSchema,
} from "../pickers/recordings-with-reason-schema.js";

const FIELDS = ["recordingIds", "reason"] as const;

/** GDPR Art. 17: erase named recordings now, with a reason; asks before it acts (cannot be undone). */
export function EraseSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [asked, setAsked] = useState<RecordingsWithReason | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [erased, setErased] = useState<number | null>(null);
  const form = useForm<RecordingsWithReason>({
    resolver: zodResolver(recordingsWithReasonSchema),
    defaultValues: { recordingIds: [], reason: "" },
  });
  const erase = useMutation(
    trpc.retention.erase.mutationOptions({
      onSuccess: async (result) => {
        setAsked(null);
        setErased(result.erased.length);
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.retention.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.legalHolds.pathKey() });
      },
      onError: (error) => {
        // A refusal about a field closes the question and shows beside the field; others stay in it.
        const message = applyServerError(error, form.setError, FIELDS, t("error.saveFailed"), describe);
        if (message) setDialogError(message);
        else setAsked(null);
      },
    }),
  );
  const ask = form.handleSubmit((values) => {
    setErased(null);
    setDialogError(null);
    setAsked(values);
  });
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
        <RecordingsField
          control={form.control}
          name="recordingIds"
          permission="recording.erase"
          legend={t("retention.eraseIds")}
        />
        <TextField
          label={t("retention.eraseReason")}
          hint={t("retention.eraseReasonHint")}
          error={fieldError(t, form.formState.errors.reason)}
          maxLength={500}
          {...form.register("reason")}
        />
        <div className="row row--end">
          <button type="submit" className="button button--danger-outline">
            {t("retention.eraseSubmit")}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={asked !== null}
        title={t("retention.eraseTitle")}
        confirmLabel={t("retention.eraseSubmit").replace("…", "")}
        danger
        pending={erase.isPending}
        error={dialogError}
        onConfirm={() => asked && erase.mutate(asked)}
        onCancel={() => setAsked(null)}
      >
        <p>{t("retention.eraseBody", { count: asked?.recordingIds.length ?? 0 })}</p>
      </ConfirmDialog>
    </section>
  );
}
