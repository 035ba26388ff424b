import { zodResolver } from "@hookform/resolvers/zod";
import type { RouterOutputs } from "@kuulo/api";
import { ROLES } from "@kuulo/domain/access";
import {
  applyServerError,
  Dialog,
  FormError,
  formatUnit,
  SelectField,
  TextField,
  useFormDraft,
  useTRPC,
} from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldError } from "../../lib/field-error.js";
import { useDescribeError } from "../../lib/use-describe-error.js";
import type { useDirectory } from "../../lib/use-directory.js";
import { OneTimeLink } from "./one-time-link.js";
import { ALL_UNITS, type NewUser, newUserSchema } from "./user-form-schema.js";

type Created = RouterOutputs["users"]["create"];
const FIELDS = ["username", "firstName", "lastName", "email", "organisationId", "role", "unitId"] as const;

export function CreateUserDialog({
  onClose,
  directory,
}: {
  onClose: () => void;
  directory: ReturnType<typeof useDirectory>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const describeError = useDescribeError();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<NewUser>({
    resolver: zodResolver(newUserSchema),
    defaultValues: {
      username: "",
      firstName: "",
      lastName: "",
      email: "",
      organisationId:
        directory.organisations.find((organisation) => organisation.kind === "controller")?.id ?? "",
      role: "",
      unitId: ALL_UNITS,
    },
  });
  const draft = useFormDraft("users.create", form);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (result) => {
        draft.clear();
        setCreated(result);
        await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      },
      onError: (error) =>
        setFormError(applyServerError(error, form.setError, FIELDS, t("error.saveFailed"), describeError)),
    }),
  );
  const close = () => {
    draft.clear();
    onClose();
  };
  const submit = form.handleSubmit(({ role, unitId, email, ...values }) => {
    setFormError(null);
    const grants = role ? [{ role, unitId: unitId === ALL_UNITS ? null : unitId }] : [];
    create.mutate({ ...values, email: email || null, grants });
  });
  const errors = form.formState.errors;
  const organisationId = form.watch("organisationId");
  const units = directory.units.filter((unit) => unit.organisationId === organisationId);
  return (
    <Dialog open onClose={close} title={created ? t("users.createdTitle") : t("users.create")} wide>
      {created ? (
        <div className="stack">
          {created.setPasswordToken && created.setPasswordExpiresAt ? (
            <OneTimeLink
              token={created.setPasswordToken}
              expiresAt={created.setPasswordExpiresAt}
              name={`${created.user.firstName} ${created.user.lastName}`}
            />
          ) : (
            <div className="alert alert--info" data-testid="awaiting-approval-notice">
              {t("approvals.createdNotice", { name: `${created.user.firstName} ${created.user.lastName}` })}
            </div>
          )}
          <div className="dialog__actions">
            <Link className="button" to="/users/$userId" params={{ userId: created.user.id }} onClick={close}>
              {t("users.openCreated")}
            </Link>
            <button type="button" className="button button--primary" onClick={close}>
              {t("done")}
            </button>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <p className="muted">{t("users.createIntro")}</p>
          <FormError message={formError} />
          <div className="form-grid">
            <TextField
              label={t("users.firstName")}
              autoComplete="off"
              error={fieldError(t, errors.firstName)}
              {...form.register("firstName")}
            />
            <TextField
              label={t("users.lastName")}
              autoComplete="off"
              error={fieldError(t, errors.lastName)}
              {...form.register("lastName")}
            />
            <TextField
              label={t("users.username")}
              hint={t("users.usernameHint")}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              error={fieldError(t, errors.username)}
              {...form.register("username")}
            />
            <TextField
              label={t("users.email")}
              hint={t("users.emailHint")}
              type="email"
              autoComplete="off"
              error={fieldError(t, errors.email)}
              {...form.register("email")}
            />
            <SelectField
              label={t("users.organisation")}
              error={fieldError(t, errors.organisationId)}
              {...form.register("organisationId")}
            >
              {directory.organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </SelectField>
          </div>
          <fieldset className="fieldset">
            <legend>{t("users.firstRole")}</legend>
            <div className="form-grid">
              <SelectField
                label={t("grants.role")}
                error={fieldError(t, errors.role)}
                {...form.register("role")}
              >
                <option value="">{t("users.noRoleYet")}</option>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t("grants.scope")}
                error={fieldError(t, errors.unitId)}
                {...form.register("unitId")}
              >
                <option value={ALL_UNITS}>{t("grants.allUnits")}</option>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {formatUnit(unit)}
                  </option>
                ))}
              </SelectField>
            </div>
            <p className="field__hint">{t("grants.roleHint")}</p>
          </fieldset>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              {t("cancel")}
            </button>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {t("users.createSubmit")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
