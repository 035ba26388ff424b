import type { RouterOutputs } from "@kuulo/api";
import { applyServerError, CopyButton, Dialog, FormError, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../lib/use-describe-error.js";

type Created = RouterOutputs["apiTokens"]["create"];

interface Values {
  name: string;
  expiresOn: string;
}

/** The token is shown once: only its hash is stored, so it cannot be shown again. */
export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const describeError = useDescribeError();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<Values>({ defaultValues: { name: "", expiresOn: "" } });
  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: async (result) => {
        setCreated(result);
        await queryClient.invalidateQueries({ queryKey: trpc.apiTokens.pathKey() });
      },
      onError: (error) =>
        setFormError(
          applyServerError(error, form.setError, ["name", "expiresOn"], t("error.saveFailed"), describeError),
        ),
    }),
  );
  const close = () => {
    setCreated(null);
    setFormError(null);
    form.reset();
    onClose();
  };
  const submit = form.handleSubmit(({ name, expiresOn }) => {
    setFormError(null);
    create.mutate({
      name,
      expiresAt: expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : null,
    });
  });
  return (
    <Dialog open={open} onClose={close} title={created ? t("tokens.createdTitle") : t("tokens.create")} wide>
      {created ? (
        <div className="stack">
          <div className="alert alert--warning">{t("tokens.shownOnce")}</div>
          <code className="secret" data-testid="api-token-secret">
            {created.token}
          </code>
          <CopyButton value={created.token} label={t("tokens.copy")} />
          <p className="muted">{t("tokens.howTo")}</p>
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={close}>
              {t("done")}
            </button>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <p className="muted">{t("tokens.createIntro")}</p>
          <FormError message={formError} />
          <TextField
            label={t("tokens.name")}
            hint={t("tokens.nameHint")}
            error={form.formState.errors.name?.message}
            {...form.register("name", { required: t("ui:required") })}
          />
          <TextField
            label={t("tokens.expiresOn")}
            hint={t("tokens.expiresHint")}
            type="date"
            {...form.register("expiresOn")}
          />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              {t("cancel")}
            </button>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {t("tokens.createSubmit")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
