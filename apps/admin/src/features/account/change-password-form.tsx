import { applyServerError, FormError, passwordError, TextField, useMe, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../lib/use-describe-error.js";

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Changing the password ends the person's other sessions (API); this one continues. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const describeError = useDescribeError();
  const me = useMe();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { currentPassword: "", newPassword: "", repeat: "" } });
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.auth.pathKey() });
      },
      onError: (error) =>
        setFormError(
          applyServerError(
            error,
            form.setError,
            ["currentPassword", "newPassword"],
            t("error.saveFailed"),
            describeError,
          ),
        ),
    }),
  );
  const submit = form.handleSubmit(({ currentPassword, newPassword }) => {
    setFormError(null);
    change.mutate({ currentPassword, newPassword });
  });
  const context = { username: me.user.username, firstName: me.user.firstName, lastName: me.user.lastName };
  const errors = form.formState.errors;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <FormError message={formError} />
      {change.isSuccess ? (
        <div className="alert alert--success" role="status">
          {t("account.passwordChanged")}
        </div>
      ) : null}
      <TextField
        label={t("account.currentPassword")}
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register("currentPassword", { required: t("ui:required") })}
      />
      <TextField
        label={t("account.newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("ui:password.hint")}
        error={errors.newPassword?.message}
        {...form.register("newPassword", { validate: (value) => passwordError(value, context, t) })}
      />
      <TextField
        label={t("account.repeatPassword")}
        type="password"
        autoComplete="new-password"
        error={errors.repeat?.message}
        {...form.register("repeat", {
          validate: (value, values) => (value === values.newPassword ? undefined : t("ui:password.mismatch")),
        })}
      />
      <div className="row row--end">
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {t("account.changePassword")}
        </button>
      </div>
    </form>
  );
}
