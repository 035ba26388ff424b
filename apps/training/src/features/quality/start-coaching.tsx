import { Dialog, FormError, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQualityRefusal } from "./use-refusal.js";

/**
 * Coaching from a weak criterion in one step: a playlist titled after the criterion, the moments linked
 * to it as clips, assigned to the person. The title is prefilled in the trainer's language and editable.
 */
export function StartCoaching({
  evaluationId,
  criterionKey,
  criterionTitle,
  personName,
  linkedMoments,
}: {
  evaluationId: string;
  criterionKey: string;
  criterionTitle: string;
  personName: string;
  linkedMoments: number;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refusal = useQualityRefusal();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(() =>
    t("qualityLoop.coachingTitle", { criterion: criterionTitle, name: personName }),
  );
  const [error, setError] = useState<string | null>(null);
  const start = useMutation(
    trpc.quality.coaching.start.mutationOptions({
      onSuccess: async () => {
        setError(null);
        await queryClient.invalidateQueries({ queryKey: trpc.playlists.pathKey() });
      },
      onError: (failure) => setError(refusal(failure)),
    }),
  );
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t("qualityLoop.coach")}
        <span className="visually-hidden"> — {t("qualityLoop.coachOn", { criterion: criterionTitle })}</span>
      </button>
      <Dialog open={open} title={t("qualityLoop.coachTitle")} onClose={() => setOpen(false)}>
        {start.data ? (
          <div className="stack">
            <p role="status">{t("qualityLoop.coachingStarted", { title: start.data.title })}</p>
            <div className="row row--end">
              <Link to="/playlists/$playlistId" params={{ playlistId: start.data.id }} className="button">
                {t("qualityLoop.openPlaylist", { title: start.data.title })}
              </Link>
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t("close")}
              </button>
            </div>
          </div>
        ) : (
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              start.mutate({ evaluationId, criterionKey, title });
            }}
          >
            <p>{t("qualityLoop.coachIntro", { moments: linkedMoments, name: personName })}</p>
            <TextField
              label={t("qualityLoop.title")}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
            <FormError message={error} />
            <div className="row row--end">
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t("qualityLoop.cancel")}
              </button>
              <button
                type="submit"
                className="button button--primary"
                disabled={start.isPending || title.trim() === ""}
              >
                {t("qualityLoop.startCoaching")}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
