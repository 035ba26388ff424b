import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormError } from "../forms/form-error.js";
import { TextField } from "../forms/text-field.js";
import { LanguageSwitcher } from "../i18n/language-switcher.js";
import { useTRPC } from "../trpc/context.js";
import { readDomainError } from "../trpc/domain-error.js";
import { passwordError } from "./password-error.js";
import { forgetFragment, readFragmentToken } from "./read-fragment-token.js";

interface Values {
  password: string;
  repeat: string;
}

/** Public page for the one-time link `…/set-password#token=…` given to a new or reset user. */
export function SetPasswordScreen({ signInHref }: { signInHref: string }) {
  const { t } = useTranslation("ui");
  const trpc = useTRPC();
  const [token] = useState(() => readFragmentToken(window.location));
  useEffect(forgetFragment, []);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { password: "", repeat: "" } });
  const setPassword = useMutation(
    trpc.auth.setPasswordWithToken.mutationOptions({
      onError: (error) => {
        const domain = readDomainError(error);
        if (domain?.field === "newPassword") form.setError("password", { message: domain.message });
        else
          setFormError(
            domain?.code === "NOT_FOUND" || domain?.code === "UNAUTHENTICATED"
              ? t("setPassword.invalidLink")
              : (domain?.message ?? t("error.generic")),
          );
      },
    }),
  );
  const submit = form.handleSubmit(({ password }) => {
    setFormError(null);
    if (token) setPassword.mutate({ token, newPassword: password });
  });
  return (
    <div className="auth-page">
      <header className="auth-page__header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Kuulo
        </span>
        <LanguageSwitcher />
      </header>
      <main className="auth-page__main" id="main">
        <div className="card card--narrow stack">
          <h1 className="card__title">{t("setPassword.title")}</h1>
          {!token ? (
            <div className="alert alert--error" role="alert">
              {t("setPassword.invalidLink")}
            </div>
          ) : setPassword.isSuccess ? (
            <>
              <div className="alert alert--success" role="status">
                {t("setPassword.done")}
              </div>
              <a className="button button--primary button--block" href={signInHref}>
                {t("signIn.submit")}
              </a>
            </>
          ) : (
            <form className="stack" onSubmit={submit} noValidate>
              <p>{t("setPassword.intro")}</p>
              <FormError message={formError} />
              <TextField
                label={t("setPassword.password")}
                type="password"
                autoComplete="new-password"
                hint={t("password.hint")}
                error={form.formState.errors.password?.message}
                {...form.register("password", { validate: (value) => passwordError(value, {}, t) })}
              />
              <TextField
                label={t("setPassword.repeat")}
                type="password"
                autoComplete="new-password"
                error={form.formState.errors.repeat?.message}
                {...form.register("repeat", {
                  validate: (value, values) =>
                    value === values.password ? undefined : t("password.mismatch"),
                })}
              />
              <button
                type="submit"
                className="button button--primary button--block"
                disabled={setPassword.isPending}
              >
                {t("setPassword.submit")}
              </button>
            </form>
          )}
        </div>
      </main>
    </div>
  );
}
