import type { RouterOutputs } from "@kuulo/api";
import { Dialog, useCan, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmedAction } from "../../lib/confirmed-action.js";
import { OneTimeLink } from "./one-time-link.js";

type User = RouterOutputs["users"]["get"];
type ResetLink = RouterOutputs["users"]["resetPassword"];

export function UserActions({ user, locked }: { user: User; locked: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const [resetLink, setResetLink] = useState<ResetLink | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions({ onSuccess: refresh }));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions({ onSuccess: refresh }));
  const unlock = useMutation(trpc.users.unlock.mutationOptions({ onSuccess: refresh }));
  const endSessions = useMutation(trpc.users.endSessions.mutationOptions({ onSuccess: refresh }));
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: refresh }));
  const name = `${user.firstName} ${user.lastName}`;
  const active = user.status === "active";
  return (
    <div className="row">
      {can("user.deactivate") && active ? (
        <ConfirmedAction
          label={t("users.deactivate")}
          title={t("users.deactivateTitle", { name })}
          body={<p>{t("users.deactivateBody")}</p>}
          confirmLabel={t("users.deactivate")}
          danger
          run={() => deactivate.mutateAsync({ userId: user.id })}
        />
      ) : null}
      {can("user.deactivate") && !active ? (
        <ConfirmedAction
          label={t("users.reactivate")}
          title={t("users.reactivateTitle", { name })}
          body={<p>{t("users.reactivateBody")}</p>}
          confirmLabel={t("users.reactivate")}
          run={() => reactivate.mutateAsync({ userId: user.id })}
        />
      ) : null}
      {can("user.unlock") && locked ? (
        <ConfirmedAction
          label={t("users.unlock")}
          title={t("users.unlockTitle", { name })}
          body={<p>{t("users.unlockBody")}</p>}
          confirmLabel={t("users.unlock")}
          run={() => unlock.mutateAsync({ userId: user.id })}
        />
      ) : null}
      {can("user.end_sessions") && active ? (
        <ConfirmedAction
          label={t("users.endSessions")}
          title={t("users.endSessionsTitle", { name })}
          body={<p>{t("users.endSessionsBody")}</p>}
          confirmLabel={t("users.endSessions")}
          danger
          run={() => endSessions.mutateAsync({ userId: user.id })}
        />
      ) : null}
      {can("user.reset_password") && active ? (
        <ConfirmedAction
          label={t("users.resetPassword")}
          title={t("users.resetPasswordTitle", { name })}
          body={<p>{t("users.resetPasswordBody")}</p>}
          confirmLabel={t("users.resetPassword")}
          danger
          run={async () => setResetLink(await resetPassword.mutateAsync({ userId: user.id }))}
        />
      ) : null}
      <Dialog
        open={resetLink !== null}
        onClose={() => setResetLink(null)}
        title={t("users.resetPasswordDone")}
        wide
      >
        {resetLink ? (
          <>
            {resetLink.setPasswordToken && resetLink.setPasswordExpiresAt ? (
              <OneTimeLink
                token={resetLink.setPasswordToken}
                expiresAt={resetLink.setPasswordExpiresAt}
                name={name}
              />
            ) : (
              <div className="alert alert--info" data-testid="awaiting-approval-notice">
                {t("approvals.resetNotice", { name })}
              </div>
            )}
            <div className="dialog__actions">
              <button type="button" className="button button--primary" onClick={() => setResetLink(null)}>
                {t("done")}
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </div>
  );
}
