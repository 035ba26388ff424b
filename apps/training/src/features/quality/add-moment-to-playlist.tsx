import { momentClip } from "@kuulo/domain/quality";
import { Dialog, FormError, formatDuration, TextField, useTRPC, useTRPCClient } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toEditorValues, toSetItemsInput } from "../playlists/editor-values.js";
import { type LinkedMoment, momentRange } from "./linked-moments.js";
import { useQualityRefusal } from "./use-refusal.js";

const NEW = "new";

/**
 * "Add this moment to a playlist": the clip is the moment's range and the note its feedback, both
 * prefilled; the trainer picks a playlist by title or names a new one. The playlist verbs decide (R10).
 */
export function AddMomentToPlaylist({
  moment,
  recordingId,
  durationMs,
  unitId,
}: {
  moment: LinkedMoment;
  recordingId: string;
  durationMs: number;
  unitId: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Closing keeps a half-filled form; only a finished addition starts the next one afresh.
  const [round, setRound] = useState(0);
  const clip = momentClip(moment, durationMs);
  if (!clip) return null;
  const time = momentRange(moment);
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t("qualityLoop.addToPlaylist")}
        <span className="visually-hidden"> ({time})</span>
      </button>
      <Dialog open={open} title={t("qualityLoop.dialogTitle")} onClose={() => setOpen(false)}>
        <AddClipForm
          key={round}
          clip={clip}
          initialNote={moment.text}
          recordingId={recordingId}
          durationMs={durationMs}
          unitId={unitId}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setRound((n) => n + 1);
          }}
        />
      </Dialog>
    </>
  );
}

function AddClipForm({
  clip,
  initialNote,
  recordingId,
  durationMs,
  unitId,
  onClose,
  onDone,
}: {
  clip: { clipStartMs: number; clipEndMs: number };
  initialNote: string;
  recordingId: string;
  durationMs: number;
  unitId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const refusal = useQualityRefusal();
  const noteId = useId();
  const [search, setSearch] = useState("");
  const [choice, setChoice] = useState<string>(NEW);
  const [newTitle, setNewTitle] = useState("");
  const [note, setNote] = useState(initialNote);
  const [error, setError] = useState<string | null>(null);
  const found = useQuery(
    trpc.playlists.find.queryOptions({ limit: 10, ...(search.trim() ? { search: search.trim() } : {}) }),
  );
  const add = useMutation({
    mutationFn: async () => {
      const target =
        choice === NEW
          ? await client.playlists.create.mutate({ title: newTitle, unitId })
          : await client.playlists.get.query({ playlistId: choice });
      // A retry after a refused clip adds to the playlist just created, not to yet another new one.
      setChoice(target.id);
      const values = toEditorValues(target, () => "");
      return client.playlists.setItems.mutate(
        toSetItemsInput(target.id, {
          ...values,
          items: [
            ...values.items,
            { recordingId, durationMs, label: "", ...clip, note, removedReason: null },
          ],
        }),
      );
    },
    onSuccess: async () => {
      setError(null);
      await queryClient.invalidateQueries({ queryKey: trpc.playlists.pathKey() });
    },
    onError: (failure) => setError(refusal(failure)),
  });
  if (add.data) {
    return (
      <div className="stack">
        <p role="status">{t("qualityLoop.added", { title: add.data.title })}</p>
        <div className="row row--end">
          <Link to="/playlists/$playlistId" params={{ playlistId: add.data.id }} className="button">
            {t("qualityLoop.openPlaylist", { title: add.data.title })}
          </Link>
          <button type="button" className="button" onClick={onDone}>
            {t("close")}
          </button>
        </div>
      </div>
    );
  }
  const playlists = found.data?.items ?? [];
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <p>
        {t("qualityLoop.clip", {
          start: formatDuration(clip.clipStartMs),
          end: formatDuration(clip.clipEndMs),
        })}
      </p>
      <div className="field">
        <label htmlFor={noteId}>{t("qualityLoop.note")}</label>
        <textarea id={noteId} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <TextField
        label={t("qualityLoop.searchPlaylists")}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <fieldset className="stack">
        <legend>{t("qualityLoop.playlist")}</legend>
        {playlists.map((playlist) => (
          <label key={playlist.id} className="radio">
            <input
              type="radio"
              name="moment-playlist"
              checked={choice === playlist.id}
              onChange={() => setChoice(playlist.id)}
            />{" "}
            {playlist.title} <span className="muted">({playlist.unitName})</span>
          </label>
        ))}
        {found.isSuccess && playlists.length === 0 && search.trim() !== "" ? (
          <p className="muted">{t("qualityLoop.noPlaylists")}</p>
        ) : null}
        <label className="radio">
          <input
            type="radio"
            name="moment-playlist"
            checked={choice === NEW}
            onChange={() => setChoice(NEW)}
          />{" "}
          {t("qualityLoop.newPlaylist")}
        </label>
        {choice === NEW ? (
          <TextField
            label={t("qualityLoop.newTitle")}
            value={newTitle}
            onChange={(event) => setNewTitle(event.target.value)}
          />
        ) : null}
      </fieldset>
      <FormError message={error} />
      <div className="row row--end">
        <button type="button" className="button" onClick={onClose}>
          {t("qualityLoop.cancel")}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={add.isPending || (choice === NEW && newTitle.trim() === "")}
        >
          {t("qualityLoop.add")}
        </button>
      </div>
    </form>
  );
}
