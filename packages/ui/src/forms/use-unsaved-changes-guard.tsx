import { useBlocker } from "@tanstack/react-router";
import { type ReactNode, useCallback, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../feedback/confirm-dialog.js";

export interface UnsavedChangesGuard {
  /** Render this where the form is: the "leave without saving?" question. */
  prompt: ReactNode;
  /** Call right before navigating away after a successful save, when the form still looks dirty. */
  release(): void;
}

/**
 * Asks before an in-app navigation, and lets the browser ask before unload, while `dirty` is true
 * (for react-hook-form: `form.formState.isDirty`). One guard for every long form in both apps.
 */
export function useUnsavedChangesGuard(dirty: boolean): UnsavedChangesGuard {
  const { t } = useTranslation("ui");
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const released = useRef(false);
  const shouldBlock = useCallback(() => {
    if (released.current) {
      released.current = false;
      return false;
    }
    return dirtyRef.current;
  }, []);
  const blocker = useBlocker({
    shouldBlockFn: shouldBlock,
    enableBeforeUnload: () => dirtyRef.current && !released.current,
    withResolver: true,
  });
  const blocked = blocker.status === "blocked";
  const prompt = (
    <ConfirmDialog
      open={blocked}
      title={t("unsaved.title")}
      cancelLabel={t("unsaved.stay")}
      confirmLabel={t("unsaved.leave")}
      danger
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>{t("unsaved.body")}</p>
    </ConfirmDialog>
  );
  return { prompt, release: () => (released.current = true) };
}
