import type { RouterOutputs } from "@kuulo/api";
import { applyServerError, Dialog, FormError, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../lib/use-describe-error.js";

type Organisation = RouterOutputs["organisations"]["find"][number];

interface Values {
  name: string;
  businessId: string;
  country: string;
  agreementReference: string;
  agreementValidFrom: string;
  agreementValidUntil: string;
}
const FIELDS = [
  "name",
  "businessId",
  "country",
  "agreementReference",
  "agreementValidFrom",
  "agreementValidUntil",
] as const;
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "");
const instant = (value: string) => (value ? new Date(`${value}T00:00:00Z`).toISOString() : null);

/** New organisations are processors: there is exactly one controller, created at installation. */
export function OrganisationDialog({
  organisation,
  onClose,
}: {
  organisation: Organisation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const describeError = useDescribeError();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const isController = organisation?.kind === "controller";
  const form = useForm<Values>({
    defaultValues: {
      name: organisation?.name ?? "",
      businessId: organisation?.businessId ?? "",
      country: organisation?.country ?? "FI",
      agreementReference: organisation?.agreementReference ?? "",
      agreementValidFrom: day(organisation?.agreementValidFrom),
      agreementValidUntil: day(organisation?.agreementValidUntil),
    },
  });
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.organisations.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      onClose();
    },
    onError: (error: unknown) =>
      setFormError(applyServerError(error, form.setError, FIELDS, t("error.saveFailed"), describeError)),
  };
  const create = useMutation(trpc.organisations.create.mutationOptions(options));
  const update = useMutation(trpc.organisations.update.mutationOptions(options));
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    const validFrom = instant(values.agreementValidFrom) ?? new Date().toISOString();
    const validUntil = instant(values.agreementValidUntil);
    if (organisation && isController) update.mutate({ organisationId: organisation.id, name: values.name });
    else if (organisation) {
      update.mutate({
        organisationId: organisation.id,
        name: values.name,
        agreementReference: values.agreementReference,
        agreementValidFrom: validFrom,
        agreementValidUntil: validUntil,
      });
    } else {
      create.mutate({
        name: values.name,
        businessId: values.businessId,
        country: values.country.toUpperCase(),
        agreementReference: values.agreementReference,
        agreementValidFrom: validFrom,
        agreementValidUntil: validUntil,
      });
    }
  });
  const required = { required: t("ui:required") };
  const errors = form.formState.errors;
  return (
    <Dialog
      open
      title={
        organisation ? t("organisations.editTitle", { name: organisation.name }) : t("organisations.create")
      }
      onClose={onClose}
      wide
    >
      <form className="stack" onSubmit={submit} noValidate>
        {organisation ? null : <p className="muted">{t("organisations.createIntro")}</p>}
        <FormError message={formError} />
        <div className="form-grid">
          <TextField
            label={t("organisations.name")}
            error={errors.name?.message}
            {...form.register("name", required)}
          />
          {organisation ? null : (
            <>
              <TextField
                label={t("organisations.businessId")}
                hint={t("organisations.businessIdHint")}
                error={errors.businessId?.message}
                {...form.register("businessId", required)}
              />
              <TextField
                label={t("organisations.country")}
                hint={t("organisations.countryHint")}
                maxLength={2}
                error={errors.country?.message}
                {...form.register("country", required)}
              />
            </>
          )}
          {isController ? null : (
            <>
              <TextField
                label={t("organisations.agreementReference")}
                error={errors.agreementReference?.message}
                {...form.register("agreementReference", required)}
              />
              <TextField
                label={t("organisations.validFrom")}
                type="date"
                error={errors.agreementValidFrom?.message}
                {...form.register("agreementValidFrom", required)}
              />
              <TextField
                label={t("organisations.validUntil")}
                hint={t("organisations.validUntilHint")}
                type="date"
                error={errors.agreementValidUntil?.message}
                {...form.register("agreementValidUntil")}
              />
            </>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("cancel")}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || update.isPending}
          >
            {t("save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
