import { FormError, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { describeRefusal } from "../../lib/personal-data-message.js";
import type { PlaylistDetail } from "./editor-values.js";

/** Drafts are invisible to learners; publishing makes the playlist appear for its assignees. */
export function PublishControls({ playlist }: { playlist: PlaylistDetail }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const onSuccess = async (next: PlaylistDetail) => {
    queryClient.setQueryData(trpc.playlists.get.queryKey({ playlistId: playlist.id }), next);
    await queryClient.invalidateQueries({ queryKey: trpc.playlists.find.queryKey() });
  };
  const publish = useMutation(trpc.playlists.publish.mutationOptions({ onSuccess }));
  const unpublish = useMutation(trpc.playlists.unpublish.mutationOptions({ onSuccess }));
  const error = publish.error ?? unpublish.error;
  const published = playlist.status === "published";
  return (
    <section className="card stack" aria-labelledby="publish-title">
      <h2 id="publish-title" className="card__title">
        {t("publish.title")}
      </h2>
      <p>
        <span className={published ? "badge badge--success" : "badge"} data-testid="playlist-status">
          {t(`playlists.statusValue.${playlist.status}`)}
        </span>{" "}
        {published && playlist.publishedAt ? (
          <span className="muted">{t("publish.since", { date: format.dateTime(playlist.publishedAt) })}</span>
        ) : (
          <span className="muted">{t("publish.draftHint")}</span>
        )}
      </p>
      <FormError
        message={error ? describeRefusal(error, i18n.language, t("error.saveFailed")).message : null}
      />
      {published ? (
        <button
          type="button"
          className="button"
          disabled={unpublish.isPending}
          onClick={() => unpublish.mutate({ playlistId: playlist.id })}
        >
          {t("publish.unpublish")}
        </button>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={publish.isPending || playlist.itemCount === 0}
          onClick={() => publish.mutate({ playlistId: playlist.id })}
        >
          {t("publish.publish")}
        </button>
      )}
    </section>
  );
}
