import { zodResolver } from "@hookform/resolvers/zod";
import { applyServerError, FormError, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { fieldError } from "../../lib/field-error.js";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";
import { RecordingsField } from "../pickers/recordings-field.js";
import { recordingsWithReasonSchema } from "../pickers/recordings-with-reason-schema.js";

const holdFormSchema = recordingsWithReasonSchema.extend({ caseReference: z.string().trim().max(100) });
type HoldValues = z.infer<typeof holdFormSchema>;
const FIELDS = ["recordingIds", "reason", "caseReference"] as const;

/** R13 without a disclosure: recordings picked by search, a reason as written, an optional case number. */
export function PlaceHoldForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [formError, setFormError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<number | null>(null);
  const form = useForm<HoldValues>({
    resolver: zodResolver(holdFormSchema),
    defaultValues: { recordingIds: [], reason: "", caseReference: "" },
  });
  const place = useMutation(
    trpc.legalHolds.place.mutationOptions({
      onSuccess: async (result) => {
        setPlaced(result.holds.length);
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.legalHolds.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.recordings.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.retention.pathKey() });
      },
      onError: (error) =>
        setFormError(applyServerError(error, form.setError, FIELDS, t("error.saveFailed"), describe)),
    }),
  );
  const submit = form.handleSubmit(({ recordingIds, reason, caseReference }) => {
    setFormError(null);
    setPlaced(null);
    place.mutate({ recordingIds, reason, ...(caseReference ? { caseReference } : {}) });
  });
  const errors = form.formState.errors;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="place-hold">
      <h3 id="place-hold">{t("holdForm.title")}</h3>
      <p className="muted">{t("holdForm.hint")}</p>
      {placed !== null ? (
        <p role="status" className="alert alert--success">
          {t("holdForm.placed", { count: placed })}
        </p>
      ) : null}
      <FormError message={formError} />
      <RecordingsField control={form.control} name="recordingIds" permission="legal_hold.place" />
      <div className="form-grid">
        <TextField
          label={t("holdForm.reason")}
          hint={t("holdForm.reasonHint")}
          error={fieldError(t, errors.reason)}
          maxLength={500}
          {...form.register("reason")}
        />
        <TextField
          label={t("holdForm.caseReference")}
          hint={t("holdForm.caseReferenceHint")}
          error={fieldError(t, errors.caseReference)}
          maxLength={100}
          {...form.register("caseReference")}
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
