import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../forms/form-error.js";
import { TextField } from "../forms/text-field.js";
import { useTRPC } from "../trpc/context.js";
import { readDomainError } from "../trpc/domain-error.js";

export type SignInStatus = "signed_in" | "second_factor_required" | "enrolment_required";

// Plain state, no form library: the sign-in screen is in the first download, so it stays small.
export function PasswordStep({ onStatus }: { onStatus: (status: SignInStatus) => void }) {
  const { t } = useTranslation("ui");
  const trpc = useTRPC();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (result) => onStatus(result.status),
      onError: (error) => {
        const domain = readDomainError(error);
        setPassword("");
        setFormError(
          domain?.code === "RATE_LIMITED"
            ? t("signIn.rateLimited")
            : domain?.code === "UNAUTHENTICATED" || domain?.code === "FORBIDDEN"
              ? domain.rule === "R9"
                ? t("signIn.agreementEnded")
                : t("signIn.failed")
              : t("error.generic"),
        );
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nextMissing = { username: username.trim() === "", password: password === "" };
    setMissing(nextMissing);
    if (nextMissing.username || nextMissing.password) return;
    setFormError(null);
    signIn.mutate({ username, password });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <TextField
        label={t("signIn.username")}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={missing.username ? t("required") : undefined}
      />
      <TextField
        label={t("signIn.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={missing.password ? t("required") : undefined}
      />
      <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
        {signIn.isPending ? t("signIn.signingIn") : t("signIn.submit")}
      </button>
    </form>
  );
}
