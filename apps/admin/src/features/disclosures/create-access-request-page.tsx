import { zodResolver } from "@hookform/resolvers/zod";
import type { RouterOutputs } from "@kuulo/api";
import { IDENTITY_VERIFICATION_METHODS } from "@kuulo/domain/disclosure";
import {
  applyServerError,
  FormError,
  PageHeader,
  SelectField,
  TextField,
  useTRPC,
  useUnsavedChangesGuard,
} from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldError } from "../../lib/field-error.js";
import { RecordingsField } from "../pickers/recordings-field.js";
import {
  type AccessRequestFormValues,
  accessRequestFormSchema,
  toAccessRequestInput,
  windowOf,
} from "./access-request-form-schema.js";
import { FormDateField } from "./form-date-field.js";
import { TextAreaField } from "./text-area-field.js";
import "./disclosures.css";
import { useDescribeRefusal } from "./describe-refusal.js";
import { DisclosureCreated, ExportStatus } from "./disclosure-created.js";

type Created = RouterOutputs["disclosures"]["createAccessRequest"];
const FIELDS = [
  "requesterName",
  "identityVerification.method",
  "identityVerification.note",
  "window.from",
  "window.to",
  "recordingIds",
] as const;

/**
 * GDPR Art. 15: the period the data subject asks about, the calls in it chosen with the shared picker
 * (only calls this officer may disclose, only within the period: the API's R6 rules), and the identity check.
 */
export function CreateAccessRequestPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<AccessRequestFormValues>({
    resolver: zodResolver(accessRequestFormSchema),
    defaultValues: {
      requesterName: "",
      identityVerification: { method: "in_person_id_document", note: "" },
      window: { from: "", to: "" },
      recordingIds: [],
    },
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty && !created);
  const within = windowOf({ window: useWatch({ control: form.control, name: "window" }) });
  const create = useMutation(
    trpc.disclosures.createAccessRequest.mutationOptions({
      onSuccess: async (result) => {
        setCreated(result);
        await queryClient.invalidateQueries({ queryKey: trpc.disclosures.pathKey() });
      },
      onError: (error) =>
        setFormError(applyServerError(error, form.setError, FIELDS, t("error.saveFailed"), describe)),
    }),
  );
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(toAccessRequestInput(values));
  });
  const errors = form.formState.errors;
  if (created) {
    return (
      <DisclosureCreated title={t("disclosures.access.createdTitle")} disclosureId={created.disclosure.id}>
        <ExportStatus status={created.disclosure.status} />
      </DisclosureCreated>
    );
  }
  return (
    <>
      <PageHeader title={t("disclosures.access.title")} description={t("disclosures.access.description")} />
      <form className="stack card" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <fieldset className="fieldset">
          <legend>{t("disclosures.field.window")}</legend>
          <div className="form-grid">
            <FormDateField
              control={form.control}
              name="window.from"
              label={t("disclosures.access.from")}
              kind="dateTime"
            />
            <FormDateField
              control={form.control}
              name="window.to"
              label={t("disclosures.access.to")}
              kind="dateTime"
            />
          </div>
        </fieldset>
        {within ? (
          <>
            <RecordingsField
              control={form.control}
              name="recordingIds"
              permission="disclosure.create"
              within={within}
              legend={t("disclosures.access.candidates")}
            />
            <p className="muted">{t("disclosures.access.nothingFound")}</p>
          </>
        ) : (
          <p className="muted">{t("disclosures.access.windowFirst")}</p>
        )}
        <div className="form-grid">
          <TextField
            label={t("disclosures.field.requesterName")}
            error={fieldError(t, errors.requesterName)}
            {...form.register("requesterName")}
          />
          <SelectField
            label={t("disclosures.access.method")}
            error={fieldError(t, errors.identityVerification?.method)}
            {...form.register("identityVerification.method")}
          >
            {IDENTITY_VERIFICATION_METHODS.map((value) => (
              <option key={value} value={value}>
                {t(`disclosures.access.methods.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label={t("disclosures.access.note")}
          hint={t("disclosures.access.noteHint")}
          error={fieldError(t, errors.identityVerification?.note)}
          {...form.register("identityVerification.note")}
        />
        <div className="row row--end">
          <Link to="/disclosures" className="button">
            {t("cancel")}
          </Link>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t("disclosures.access.submit")}
          </button>
        </div>
      </form>
      {guard.prompt}
    </>
  );
}
