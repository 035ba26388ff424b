import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormError } from "../forms/form-error.js";
import { TextField } from "../forms/text-field.js";
import { useTRPC } from "../trpc/context.js";
import { readDomainError } from "../trpc/domain-error.js";

export type SignInStatus = "signed_in" | "second_factor_required" | "enrolment_required";

interface Values {
  username: string;
  password: string;
}

export function PasswordStep({
  onStatus,
  username,
}: {
  onStatus: (status: SignInStatus) => void;
  username?: string;
}) {
  const { t } = useTranslation("ui");
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { username: username ?? "", password: "" } });
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (result) => onStatus(result.status),
      onError: (error) => {
        const domain = readDomainError(error);
        form.setValue("password", "");
        setFormError(
          domain?.code === "RATE_LIMITED"
            ? t("signIn.rateLimited")
            : domain?.code === "UNAUTHENTICATED" || domain?.code === "FORBIDDEN"
              ? domain.reason === "agreement_ended"
                ? t("signIn.agreementEnded")
                : t("signIn.failed")
              : (domain?.message ?? t("error.generic")),
        );
      },
    }),
  );
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    signIn.mutate(values);
  });
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <TextField
        label={t("signIn.username")}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={form.formState.errors.username ? t("required") : undefined}
        {...form.register("username", { required: true })}
      />
      <TextField
        label={t("signIn.password")}
        type="password"
        autoComplete="current-password"
        error={form.formState.errors.password ? t("required") : undefined}
        {...form.register("password", { required: true })}
      />
      <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
        {signIn.isPending ? t("signIn.signingIn") : t("signIn.submit")}
      </button>
    </form>
  );
}
