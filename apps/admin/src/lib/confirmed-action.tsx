import { ConfirmDialog, readDomainError } from "@kuulo/ui";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "./use-describe-error.js";

export interface ConfirmedActionProps {
  label: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Resolves when done; a rejection is shown inside the dialog next to the action. */
  run: () => Promise<unknown>;
  onDone?: () => void;
}

/** A button that asks first; errors stay in the dialog beside the action they concern. */
export function ConfirmedAction({
  label,
  title,
  body,
  confirmLabel,
  danger,
  run,
  onDone,
}: ConfirmedActionProps) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await run();
      setOpen(false);
      onDone?.();
    } catch (caught) {
      const domain = readDomainError(caught);
      setError(domain ? describeError(domain) : t("error.saveFailed"));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={`button${danger ? " button--danger-outline" : ""}`}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        danger={danger ?? false}
        pending={pending}
        error={error}
        onConfirm={confirm}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
      >
        {body}
      </ConfirmDialog>
    </>
  );
}
