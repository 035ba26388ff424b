import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../forms/form-error.js";
import { Dialog } from "./dialog.js";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The safe choice's label; "Cancel" unless the question reads better otherwise. */
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  error?: string | null;
  danger?: boolean;
}

/** Asks before a destructive action; the safe choice (cancel) comes first and has focus. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation("ui");
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onCancel}>
      <div className="dialog__body">{props.children}</div>
      <FormError message={props.error} />
      <div className="dialog__actions">
        {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes focus when the dialog opens */}
        <button type="button" className="button" onClick={props.onCancel} autoFocus>
          {props.cancelLabel ?? t("cancel")}
        </button>
        <button
          type="button"
          className={`button ${props.danger ? "button--danger" : "button--primary"}`}
          onClick={props.onConfirm}
          disabled={props.pending}
          aria-busy={props.pending || undefined}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
