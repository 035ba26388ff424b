import { ConfirmDialog, readDomainError, TextField } from "@kuulo/ui";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeRefusal } from "./describe-refusal.js";

/**
 * A destructive action that asks first and needs a written reason (audited). A refusal naming the
 * reason (e.g. a customer identifier in it, R4) is shown under that field; others in the dialog.
 */
export function ReasonAction({
  label,
  title,
  body,
  reasonLabel,
  reasonHint,
  run,
}: {
  label: string;
  title: string;
  body: ReactNode;
  reasonLabel: string;
  reasonHint?: string;
  run: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const describe = useDescribeRefusal();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const reset = () => {
    setOpen(false);
    setReason("");
    setError(null);
    setFieldError(undefined);
  };
  const confirm = async () => {
    if (reason.trim() === "") {
      setFieldError(t("validation.too_small"));
      return;
    }
    setPending(true);
    setError(null);
    setFieldError(undefined);
    try {
      await run(reason.trim());
      reset();
    } catch (caught) {
      const domain = readDomainError(caught);
      if (domain?.field === "reason") setFieldError(describe(domain));
      else setError(domain ? describe(domain) : t("error.saveFailed"));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <button type="button" className="button button--danger-outline" onClick={() => setOpen(true)}>
        {label}
      </button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={label}
        danger
        pending={pending}
        error={error}
        onConfirm={confirm}
        onCancel={reset}
      >
        {body}
        <TextField
          label={reasonLabel}
          {...(reasonHint ? { hint: reasonHint } : {})}
          error={fieldError}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
      </ConfirmDialog>
    </>
  );
}
