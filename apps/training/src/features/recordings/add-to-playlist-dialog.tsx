import { Dialog, ErrorState, FormError, Loading, SelectField, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeRefusal } from "../../lib/personal-data-message.js";
import { useTrainerUnits } from "../playlists/use-trainer-units.js";

type Target = "existing" | "new";

/** The selected calls into a playlist chosen by its title, or a new one, in one request. */
export function AddToPlaylistDialog({
  open,
  recordingIds,
  onClose,
}: {
  open: boolean;
  recordingIds: string[];
  /** `added`: the calls went in, so the caller may clear its selection. */
  onClose: (added: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const units = useTrainerUnits();
  const playlists = useQuery({ ...trpc.playlists.find.queryOptions({ limit: 100 }), enabled: open });
  const [target, setTarget] = useState<Target>("existing");
  const [playlistId, setPlaylistId] = useState("");
  const [title, setTitle] = useState("");
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const add = useMutation(trpc.playlists.addRecordings.mutationOptions());
  const choices = playlists.data?.items ?? [];
  const creating = target === "new" || choices.length === 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFieldError(null);
    if (creating && !title.trim()) {
      setFieldError({ field: "title", message: t("playlists.titleRequired") });
      return;
    }
    if (!creating && !playlistId) {
      setFieldError({ field: "playlistId", message: t("recordingList.choosePlaylist") });
      return;
    }
    try {
      await add.mutateAsync({
        recordingIds,
        ...(creating ? { newPlaylist: { title, unitId } } : { playlistId }),
      });
      await queryClient.invalidateQueries({ queryKey: trpc.playlists.pathKey() });
    } catch (failure) {
      const refusal = describeRefusal(failure, i18n.language, t("error.saveFailed"));
      if (refusal.field?.startsWith("newPlaylist.title"))
        setFieldError({ field: "title", message: refusal.message });
      else setError(refusal.message);
    }
  };
  const result = add.data;
  const close = () => onClose(result !== undefined);
  return (
    <Dialog open={open} title={t("recordingList.addTitle", { count: recordingIds.length })} onClose={close}>
      {result ? (
        <div className="stack">
          <p className="alert alert--success" role="status">
            {t("recordingList.added", { count: result.added, title: result.playlist.title })}
            {result.alreadyThere > 0
              ? ` ${t("recordingList.alreadyThere", { count: result.alreadyThere })}`
              : null}
          </p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              {t("close")}
            </button>
            <Link
              to="/playlists/$playlistId"
              params={{ playlistId: result.playlist.id }}
              className="button button--primary"
            >
              {t("recordingList.openPlaylist")}
            </Link>
          </div>
        </div>
      ) : playlists.isPending ? (
        <Loading />
      ) : playlists.isError ? (
        <ErrorState error={playlists.error} onRetry={() => playlists.refetch()} />
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <FormError message={error} />
          {choices.length > 0 ? (
            <fieldset className="stack">
              <legend className="visually-hidden">{t("recordingList.where")}</legend>
              <label className="row">
                <input
                  type="radio"
                  name="add-target"
                  checked={target === "existing"}
                  onChange={() => setTarget("existing")}
                />
                {t("recordingList.toExisting")}
              </label>
              <label className="row">
                <input
                  type="radio"
                  name="add-target"
                  checked={target === "new"}
                  onChange={() => setTarget("new")}
                />
                {t("recordingList.toNew")}
              </label>
            </fieldset>
          ) : null}
          {creating ? (
            <>
              <TextField
                label={t("playlists.fieldTitle")}
                value={title}
                maxLength={200}
                onChange={(event) => setTitle(event.target.value)}
                error={fieldError?.field === "title" ? fieldError.message : undefined}
              />
              <SelectField
                label={t("playlists.unit")}
                value={unitId}
                onChange={(event) => setUnitId(event.target.value)}
              >
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.label}
                  </option>
                ))}
              </SelectField>
            </>
          ) : (
            <SelectField
              label={t("recordingList.playlist")}
              value={playlistId}
              onChange={(event) => setPlaylistId(event.target.value)}
              error={fieldError?.field === "playlistId" ? fieldError.message : undefined}
            >
              <option value="">{t("recordingList.choosePlaylist")}</option>
              {choices.map((playlist) => (
                <option key={playlist.id} value={playlist.id}>
                  {playlist.title}
                </option>
              ))}
            </SelectField>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              {t("ui:cancel")}
            </button>
            <button type="submit" className="button button--primary" disabled={add.isPending}>
              {t("recordingList.add", { count: recordingIds.length })}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
