import { ConfirmDialog, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeRefusal } from "../../lib/personal-data-message.js";
import type { PlaylistDetail } from "./editor-values.js";

/** Deleting a playlist removes it and its assignments; the recordings themselves stay untouched. */
export function DeletePlaylist({ playlist }: { playlist: PlaylistDetail }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.playlists.delete.mutationOptions({
      onSuccess: async () => {
        queryClient.removeQueries({ queryKey: trpc.playlists.get.queryKey({ playlistId: playlist.id }) });
        await queryClient.invalidateQueries({ queryKey: trpc.playlists.find.queryKey() });
        await navigate({ to: "/playlists" });
      },
    }),
  );
  return (
    <section className="card stack" aria-labelledby="delete-title">
      <h2 id="delete-title" className="card__title">
        {t("deletePlaylist.title")}
      </h2>
      <p className="muted">{t("deletePlaylist.hint")}</p>
      <button type="button" className="button button--danger-outline" onClick={() => setOpen(true)}>
        {t("deletePlaylist.action")}
      </button>
      <ConfirmDialog
        open={open}
        title={t("deletePlaylist.confirmTitle", { title: playlist.title })}
        confirmLabel={t("deletePlaylist.action")}
        onConfirm={() => remove.mutate({ playlistId: playlist.id, confirm: true })}
        onCancel={() => setOpen(false)}
        pending={remove.isPending}
        error={
          remove.error ? describeRefusal(remove.error, i18n.language, t("error.saveFailed")).message : null
        }
        danger
      >
        <p>{t("deletePlaylist.confirmBody", { count: playlist.assignmentCount })}</p>
      </ConfirmDialog>
    </section>
  );
}
