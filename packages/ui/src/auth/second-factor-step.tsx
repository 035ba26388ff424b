import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
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
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const verify = useMutation(
    trpc.auth.verifySecondFactor.mutationOptions({
      onSuccess: () => onSignedIn(),
      onError: (error) => {
        const domain = readDomainError(error);
        setCode("");
        // The half-finished sign-in expired: start again from the password.
        if (domain?.code === "UNAUTHENTICATED" && domain.reason !== "second_factor.invalid") onRestart();
        else
          setFormError(domain?.code === "RATE_LIMITED" ? t("signIn.rateLimited") : t("secondFactor.failed"));
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = code.replace(/\s+/g, "");
    setMissing(value === "");
    if (value === "") return;
    setFormError(null);
    verify.mutate({ code: value });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{useRecovery ? t("secondFactor.recoveryIntro") : t("secondFactor.intro")}</p>
      <FormError message={formError} />
      <TextField
        key={useRecovery ? "recovery" : "totp"}
        label={useRecovery ? t("secondFactor.recoveryCode") : t("secondFactor.code")}
        name="code"
        autoComplete="one-time-code"
        inputMode={useRecovery ? "text" : "numeric"}
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={missing ? t("required") : undefined}
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
