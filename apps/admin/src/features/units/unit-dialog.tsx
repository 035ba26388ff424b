import type { RouterOutputs } from "@kuulo/api";
import { applyServerError, Dialog, FormError, SelectField, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../lib/use-describe-error.js";

type Unit = RouterOutputs["units"]["find"][number];
type Organisation = RouterOutputs["organisations"]["find"][number];

interface Values {
  name: string;
  code: string;
  organisationId: string;
  parentId: string;
}
const FIELDS = ["name", "code", "organisationId", "parentId"] as const;

export function UnitDialog({
  unit,
  units,
  organisations,
  onClose,
}: {
  unit: Unit | null;
  units: Unit[];
  organisations: Organisation[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const describeError = useDescribeError();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    defaultValues: {
      name: unit?.name ?? "",
      code: unit?.code ?? "",
      organisationId: unit?.organisationId ?? organisations[0]?.id ?? "",
      parentId: unit?.parentId ?? "",
    },
  });
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.units.pathKey() });
      onClose();
    },
    onError: (error: unknown) =>
      setFormError(applyServerError(error, form.setError, FIELDS, t("error.saveFailed"), describeError)),
  };
  const create = useMutation(trpc.units.create.mutationOptions(options));
  const update = useMutation(trpc.units.update.mutationOptions(options));
  const organisationId = form.watch("organisationId");
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    const parentId = values.parentId || null;
    if (unit) update.mutate({ unitId: unit.id, name: values.name, code: values.code });
    else
      create.mutate({
        name: values.name,
        code: values.code,
        organisationId: values.organisationId,
        parentId,
      });
  });
  const required = { required: t("ui:required") };
  const errors = form.formState.errors;
  return (
    <Dialog
      open
      title={unit ? t("units.editTitle", { name: unit.name }) : t("units.create")}
      onClose={onClose}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <TextField
          label={t("units.name")}
          error={errors.name?.message}
          {...form.register("name", required)}
        />
        <TextField
          label={t("units.code")}
          hint={t("units.codeHint")}
          error={errors.code?.message}
          {...form.register("code", required)}
        />
        {unit ? null : (
          <SelectField
            label={t("units.organisation")}
            error={errors.organisationId?.message}
            {...form.register("organisationId", required)}
          >
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </SelectField>
        )}
        {unit ? null : (
          <SelectField
            label={t("units.parent")}
            error={errors.parentId?.message}
            {...form.register("parentId")}
          >
            <option value="">{t("units.noParent")}</option>
            {units
              .filter((candidate) => candidate.organisationId === organisationId)
              .map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
          </SelectField>
        )}
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
