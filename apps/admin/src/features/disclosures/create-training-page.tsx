import { zodResolver } from "@hookform/resolvers/zod";
import type { RouterOutputs } from "@kuulo/api";
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
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldError } from "../../lib/field-error.js";
import { PlaylistPicker, type PlaylistTitle } from "../pickers/playlist-picker.js";
import { RecordingsField } from "../pickers/recordings-field.js";
import { OneTimeLink } from "../users/one-time-link.js";
import { CountryOptions } from "./country-options.js";
import { type ExternalTrainer, ExternalTrainerPicker } from "./external-trainer-picker.js";
import { FormDateField } from "./form-date-field.js";
import { TextAreaField } from "./text-area-field.js";
import { type TrainingFormValues, toTrainingInput, trainingFormSchema } from "./training-form-schema.js";
import "./disclosures.css";
import { useDescribeRefusal } from "./describe-refusal.js";
import { DisclosureCreated } from "./disclosure-created.js";

type Created = RouterOutputs["disclosures"]["createTraining"];
const FIELDS = [
  "recipientName",
  "recipientOrganisation",
  "recipientCountry",
  "recipientEmail",
  "ndaReference",
  "ndaSignedOn",
  "purpose",
  "validFrom",
  "validUntil",
  "audienceAttestation",
  "recordingIds",
  "playlistId",
] as const;

export function CreateTrainingPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [trainer, setTrainer] = useState<ExternalTrainer | null>(null);
  const [playlist, setPlaylist] = useState<PlaylistTitle | null>(null);
  const form = useForm<TrainingFormValues>({
    resolver: zodResolver(trainingFormSchema),
    defaultValues: {
      recipientName: "",
      recipientOrganisation: "",
      recipientCountry: "FI",
      recipientEmail: "",
      ndaReference: "",
      ndaSignedOn: "",
      purpose: "",
      validFrom: "",
      validUntil: "",
      audienceAttestation: false,
      source: "recordings",
      recordingIds: [],
      playlistId: "",
    },
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty && !created);
  const create = useMutation(
    trpc.disclosures.createTraining.mutationOptions({
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
    create.mutate({ ...toTrainingInput(values), ...(trainer ? { externalUserId: trainer.id } : {}) });
  });
  const errors = form.formState.errors;
  const source = form.watch("source");
  if (created) return <Created created={created} />;
  return (
    <>
      <PageHeader
        title={t("disclosures.training.title")}
        description={t("disclosures.training.description")}
      />
      <form className="stack card" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <ExternalTrainerPicker
          picked={trainer}
          onPick={(picked) => {
            setTrainer(picked);
            const name = picked ? `${picked.firstName} ${picked.lastName}` : "";
            form.setValue("recipientName", name);
            form.setValue("recipientOrganisation", picked?.organisationName ?? "");
            form.setValue("recipientEmail", picked?.email ?? "");
            if (picked?.country) form.setValue("recipientCountry", picked.country);
          }}
        />
        <div className="form-grid">
          <TextField
            label={t("disclosures.field.recipientName")}
            error={fieldError(t, errors.recipientName)}
            {...form.register("recipientName")}
          />
          <TextField
            label={t("disclosures.field.recipientOrganisation")}
            error={fieldError(t, errors.recipientOrganisation)}
            {...form.register("recipientOrganisation")}
          />
          <SelectField
            label={t("disclosures.field.recipientCountry")}
            hint={t("disclosures.training.countryHint")}
            error={fieldError(t, errors.recipientCountry, t("disclosures.training.countryRefused"))}
            {...form.register("recipientCountry")}
          >
            <CountryOptions />
          </SelectField>
          <TextField
            label={t("disclosures.field.recipientEmail")}
            type="email"
            autoComplete="off"
            error={fieldError(t, errors.recipientEmail)}
            {...form.register("recipientEmail")}
          />
          <TextField
            label={t("disclosures.field.ndaReference")}
            error={fieldError(t, errors.ndaReference)}
            {...form.register("ndaReference")}
          />
          <FormDateField
            control={form.control}
            name="ndaSignedOn"
            label={t("disclosures.field.ndaSignedOn")}
            kind="date"
          />
          <FormDateField
            control={form.control}
            name="validFrom"
            label={t("disclosures.training.validFrom")}
            kind="dateTime"
          />
          <FormDateField
            control={form.control}
            name="validUntil"
            label={t("disclosures.training.validUntil")}
            kind="dateTime"
            hint={t("disclosures.training.validityHint")}
          />
        </div>
        <TextAreaField
          label={t("disclosures.field.purpose")}
          hint={t("disclosures.training.purposeHint")}
          error={fieldError(t, errors.purpose)}
          {...form.register("purpose")}
        />
        <fieldset className="fieldset">
          <legend>{t("disclosures.training.source")}</legend>
          <label className="checkbox">
            <input type="radio" value="recordings" {...form.register("source")} />
            {t("disclosures.training.sourceRecordings")}
          </label>
          <label className="checkbox">
            <input type="radio" value="playlist" {...form.register("source")} />
            {t("disclosures.training.sourcePlaylist")}
          </label>
        </fieldset>
        {source === "playlist" ? (
          <PlaylistPicker
            picked={playlist}
            onPick={(picked) => {
              setPlaylist(picked);
              form.setValue("playlistId", picked?.id ?? "", { shouldValidate: form.formState.isSubmitted });
            }}
            error={fieldError(t, errors.playlistId, t("validation.chooseOne"))}
          />
        ) : (
          <RecordingsField control={form.control} name="recordingIds" permission="disclosure.create" />
        )}
        <div className={`field${errors.audienceAttestation ? " field--invalid" : ""}`}>
          <label className="checkbox">
            <input
              type="checkbox"
              aria-invalid={errors.audienceAttestation ? true : undefined}
              aria-describedby={errors.audienceAttestation ? "attestation-error" : undefined}
              {...form.register("audienceAttestation")}
            />
            {t("disclosures.training.attestation")}
          </label>
          {errors.audienceAttestation ? (
            <p id="attestation-error" className="field__error">
              {fieldError(t, errors.audienceAttestation, t("validation.checkbox"))}
            </p>
          ) : null}
        </div>
        <div className="row row--end">
          <Link to="/disclosures" className="button">
            {t("cancel")}
          </Link>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t("disclosures.training.submit")}
          </button>
        </div>
      </form>
      {guard.prompt}
    </>
  );
}

function Created({ created }: { created: Created }) {
  const { t } = useTranslation();
  const name = String(created.disclosure.fields.recipientName ?? created.externalUser.username);
  return (
    <DisclosureCreated title={t("disclosures.training.createdTitle")} disclosureId={created.disclosure.id}>
      {created.setPasswordToken && created.setPasswordExpiresAt ? (
        <OneTimeLink token={created.setPasswordToken} expiresAt={created.setPasswordExpiresAt} name={name} />
      ) : (
        <p>{t("disclosures.training.accountReady", { username: created.externalUser.username })}</p>
      )}
      {created.disclosure.status === "pending_approval" ? (
        <div className="alert alert--info">{t("disclosures.training.pendingApproval")}</div>
      ) : null}
    </DisclosureCreated>
  );
}
