import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSessionStore } from "../session/kuulo-context.js";
import { useTRPC } from "../trpc/context.js";

export function SignOutButton() {
  const { t } = useTranslation("ui");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSessionStore();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        // A full reload leaves nothing of the signed-out person's data in memory.
        session.set("signed_out");
        sessionStorage.clear();
        queryClient.clear();
        window.location.reload();
      },
    }),
  );
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      {t("signOut")}
    </button>
  );
}
