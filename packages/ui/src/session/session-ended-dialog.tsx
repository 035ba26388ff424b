import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { SignInFlow } from "../auth/sign-in-flow.js";

/**
 * A native modal dialog, opened last, so it sits above any dialog the person had open (their unsaved
 * input stays underneath). It cannot be dismissed: the only way on is signing in again.
 */
export function SessionEndedDialog({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation("ui");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const keepOpen = (event: Event) => event.preventDefault();
    dialog.addEventListener("cancel", keepOpen);
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.removeEventListener("cancel", keepOpen);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="session-ended-title">
      <h2 id="session-ended-title" className="dialog__title">
        {t("session.endedTitle")}
      </h2>
      <p className="alert alert--info">{t("session.endedBody")}</p>
      <SignInFlow onSignedIn={onSignedIn} />
    </dialog>
  );
}
