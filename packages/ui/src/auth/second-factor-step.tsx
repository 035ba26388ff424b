import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormError } from "../forms/form-error.js";
import { TextField } from "../forms/text-field.js";
import { useTRPC } from "../trpc/context.js";
import { readDomainError } from "../trpc/domain-error.js";

export function SecondFactorStep({
  onSignedIn,
  onRestart,
}: {
  onSignedIn: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation("ui");
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const form = useForm<{ code: string }>({ defaultValues: { code: "" } });
  const verify = useMutation(
    trpc.auth.verifySecondFactor.mutationOptions({
      onSuccess: () => onSignedIn(),
      onError: (error) => {
        const domain = readDomainError(error);
        form.setValue("code", "");
        if (domain?.code === "UNAUTHENTICATED" && domain.reason === "sign_in_expired") onRestart();
        else
          setFormError(domain?.code === "RATE_LIMITED" ? t("signIn.rateLimited") : t("secondFactor.failed"));
      },
    }),
  );
  const submit = form.handleSubmit(({ code }) => {
    setFormError(null);
    verify.mutate({ code: code.replace(/\s+/g, "") });
  });
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{useRecovery ? t("secondFactor.recoveryIntro") : t("secondFactor.intro")}</p>
      <FormError message={formError} />
      <TextField
        key={useRecovery ? "recovery" : "totp"}
        label={useRecovery ? t("secondFactor.recoveryCode") : t("secondFactor.code")}
        autoComplete="one-time-code"
        inputMode={useRecovery ? "text" : "numeric"}
        autoFocus
        error={form.formState.errors.code ? t("required") : undefined}
        {...form.register("code", { required: true })}
      />
      <button type="submit" className="button button--primary button--block" disabled={verify.isPending}>
        {t("secondFactor.submit")}
      </button>
      <div className="row row--between">
        <button type="button" className="button button--link" onClick={() => setUseRecovery(!useRecovery)}>
          {useRecovery ? t("secondFactor.useApp") : t("secondFactor.useRecovery")}
        </button>
        <button type="button" className="button button--link" onClick={onRestart}>
          {t("signIn.startOver")}
        </button>
      </div>
    </form>
  );
}
