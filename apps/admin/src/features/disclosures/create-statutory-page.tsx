import { zodResolver } from "@hookform/resolvers/zod";
import type { RouterOutputs } from "@kuulo/api";
import {
  applyServerError,
  FormError,
  PageHeader,
  TextField,
  useTRPC,
  useUnsavedChangesGuard,
} from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldError } from "../../lib/field-error.js";
import { RecordingsField } from "../pickers/recordings-field.js";
import "./disclosures.css";
import { useDescribeRefusal } from "./describe-refusal.js";
import { DisclosureCreated, ExportStatus } from "./disclosure-created.js";
import { type StatutoryFormValues, statutoryFormSchema } from "./statutory-form-schema.js";

type Created = RouterOutputs["disclosures"]["createStatutory"];
type Values = StatutoryFormValues;
const FIELDS = ["authority", "legalBasis", "caseReference", "recordingIds"] as const;

export function CreateStatutoryPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(statutoryFormSchema),
    defaultValues: { authority: "", legalBasis: "", caseReference: "", recordingIds: [] },
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty && !created);
  const create = useMutation(
    trpc.disclosures.createStatutory.mutationOptions({
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
    create.mutate(values);
  });
  const errors = form.formState.errors;
  if (created) {
    return (
      <DisclosureCreated title={t("disclosures.statutory.createdTitle")} disclosureId={created.disclosure.id}>
        <ExportStatus status={created.disclosure.status} />
      </DisclosureCreated>
    );
  }
  return (
    <>
      <PageHeader
        title={t("disclosures.statutory.title")}
        description={t("disclosures.statutory.description")}
      />
      <form className="stack card" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <div className="form-grid">
          <TextField
            label={t("disclosures.field.authority")}
            error={fieldError(t, errors.authority)}
            {...form.register("authority")}
          />
          <TextField
            label={t("disclosures.field.legalBasis")}
            error={fieldError(t, errors.legalBasis)}
            {...form.register("legalBasis")}
          />
          <TextField
            label={t("disclosures.field.caseReference")}
            error={fieldError(t, errors.caseReference)}
            {...form.register("caseReference")}
          />
        </div>
        <RecordingsField control={form.control} name="recordingIds" permission="disclosure.create" />
        <div className="row row--end">
          <Link to="/disclosures" className="button">
            {t("cancel")}
          </Link>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t("disclosures.statutory.submit")}
          </button>
        </div>
      </form>
      {guard.prompt}
    </>
  );
}
