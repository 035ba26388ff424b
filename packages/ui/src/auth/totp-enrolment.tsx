import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { CopyButton } from "../feedback/copy-button.js";
import { ErrorState, Loading } from "../feedback/states.js";
import { FormError } from "../forms/form-error.js";
import { TextField } from "../forms/text-field.js";
import { useTRPC } from "../trpc/context.js";
import { readDomainError } from "../trpc/domain-error.js";
import { QrCode } from "./qr-code.js";

const groupKey = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

/**
 * TOTP enrolment: QR code and the same secret as a manual key, confirmed with a first code; the
 * recovery codes are then shown exactly once.
 */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("ui");
  const trpc = useTRPC();
  const begin = useMutation(trpc.auth.beginTotpEnrolment.mutationOptions());
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ code: string }>({ defaultValues: { code: "" } });
  const confirm = useMutation(
    trpc.auth.confirmTotpEnrolment.mutationOptions({
      onSuccess: (result) => setRecoveryCodes(result.recoveryCodes),
      onError: (error) => {
        form.setValue("code", "");
        const domain = readDomainError(error);
        setFormError(
          domain?.code === "VALIDATION" ? t("enrolment.wrongCode") : (domain?.message ?? t("error.generic")),
        );
      },
    }),
  );
  const { mutate: start } = begin;
  useEffect(() => start(), [start]);

  if (recoveryCodes) {
    return (
      <div className="stack">
        <div className="alert alert--success" role="status">
          {t("enrolment.done")}
        </div>
        <h3>{t("enrolment.recoveryTitle")}</h3>
        <p>{t("enrolment.recoveryIntro")}</p>
        <ul className="recovery-codes" aria-label={t("enrolment.recoveryTitle")}>
          {recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <CopyButton value={recoveryCodes.join("\n")} label={t("enrolment.copyCodes")} />
        <button type="button" className="button button--primary button--block" onClick={onDone}>
          {t("enrolment.savedContinue")}
        </button>
      </div>
    );
  }
  if (begin.isError) return <ErrorState error={begin.error} onRetry={() => start()} />;
  if (!begin.data) return <Loading />;
  const submit = form.handleSubmit(({ code }) => {
    setFormError(null);
    confirm.mutate({ code: code.replace(/\s+/g, "") });
  });
  return (
    <div className="stack">
      <p>{t("enrolment.intro")}</p>
      <div className="enrolment">
        <QrCode value={begin.data.otpauthUri} label={t("enrolment.qrLabel")} />
        <div className="stack stack--tight">
          <p className="muted">{t("enrolment.manual")}</p>
          <code className="secret" data-testid="totp-secret">
            {groupKey(begin.data.manualKey)}
          </code>
          <CopyButton value={begin.data.manualKey} />
        </div>
      </div>
      <form className="stack" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <TextField
          label={t("enrolment.code")}
          hint={t("enrolment.codeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          error={form.formState.errors.code ? t("required") : undefined}
          {...form.register("code", { required: true })}
        />
        <button type="submit" className="button button--primary button--block" disabled={confirm.isPending}>
          {t("enrolment.confirm")}
        </button>
      </form>
    </div>
  );
}
