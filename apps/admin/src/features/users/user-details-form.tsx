import { zodResolver } from "@hookform/resolvers/zod";
import type { RouterOutputs } from "@kuulo/api";
import {
  applyServerError,
  FormError,
  TextField,
  useFormDraft,
  useTRPC,
  useUnsavedChangesGuard,
} from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldError } from "../../lib/field-error.js";
import { useDescribeError } from "../../lib/use-describe-error.js";
import { type UserNames, userNamesSchema } from "./user-form-schema.js";

type User = RouterOutputs["users"]["get"];
const FIELDS = ["firstName", "lastName", "email"] as const;

export function UserDetailsForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const describeError = useDescribeError();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<UserNames>({
    resolver: zodResolver(userNamesSchema),
    defaultValues: { firstName: user.firstName, lastName: user.lastName, email: user.email ?? "" },
  });
  const draft = useFormDraft(`users.edit.${user.id}`, form);
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        draft.clear();
        setSaved(true);
        form.reset(form.getValues());
        await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      },
      onError: (error) =>
        setFormError(applyServerError(error, form.setError, FIELDS, t("error.saveFailed"), describeError)),
    }),
  );
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    setSaved(false);
    update.mutate({ userId: user.id, ...values, email: values.email || null });
  });
  const errors = form.formState.errors;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <FormError message={formError} />
      {saved ? (
        <div className="alert alert--success" role="status">
          {t("saved")}
        </div>
      ) : null}
      <div className="form-grid">
        <TextField
          label={t("users.firstName")}
          error={fieldError(t, errors.firstName)}
          {...form.register("firstName")}
        />
        <TextField
          label={t("users.lastName")}
          error={fieldError(t, errors.lastName)}
          {...form.register("lastName")}
        />
        <TextField
          label={t("users.email")}
          type="email"
          error={fieldError(t, errors.email)}
          {...form.register("email")}
        />
      </div>
      <div className="row row--end">
        <button
          type="submit"
          className="button button--primary"
          disabled={update.isPending || !form.formState.isDirty}
        >
          {t("save")}
        </button>
      </div>
      {guard.prompt}
    </form>
  );
}
