import { FormError, TextField, useFormat, useTRPC, useUnsavedChangesGuard, WhyLink } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Path, useFieldArray, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { describeRefusal } from "../../lib/personal-data-message.js";
import type { RecordingRow } from "../recordings/recording-browser.js";
import { AddRecordingDialog } from "./add-recording-dialog.js";
import {
  clipProblem,
  EDITOR_FIELD,
  type EditorValues,
  type PlaylistDetail,
  toEditorValues,
  toSetItemsInput,
} from "./editor-values.js";
import { ItemCard } from "./item-card.js";
import { SortableItems } from "./sortable-items.js";

/** Title, description and the ordered items; one Save writes the details and then the items. */
export function EditorForm({ playlist }: { playlist: PlaylistDetail }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const labelOf = (recording: { staffName: string; callStartedAt: string }) =>
    `${recording.staffName}, ${format.dateTime(recording.callStartedAt)}`;
  const form = useForm<EditorValues>({ defaultValues: toEditorValues(playlist, labelOf) });
  const { fields, append, move, remove } = useFieldArray({
    control: form.control,
    name: "items",
    keyName: "key",
  });
  const [adding, setAdding] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const update = useMutation(trpc.playlists.update.mutationOptions());
  const setItems = useMutation(trpc.playlists.setItems.mutationOptions());
  const items = form.watch("items");
  const guard = useUnsavedChangesGuard(form.formState.isDirty);

  const save = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    const badClip = values.items.findIndex((item) => clipProblem(item) !== null);
    if (badClip >= 0) {
      const problem = clipProblem(values.items[badClip] as EditorValues["items"][number]);
      form.setError(`items.${badClip}.clipEndMs`, {
        type: "client",
        message: t(`editor.clipProblem.${problem}`),
      });
      return;
    }
    try {
      await update.mutateAsync({
        playlistId: playlist.id,
        title: values.title,
        description: values.description,
      });
      const next = await setItems.mutateAsync(toSetItemsInput(playlist.id, values));
      queryClient.setQueryData(trpc.playlists.get.queryKey({ playlistId: playlist.id }), next);
      await queryClient.invalidateQueries({ queryKey: trpc.playlists.find.queryKey() });
      // New items get their server ids, so a second save keeps them (and their listeners' progress).
      form.reset(toEditorValues(next, labelOf));
      setSaved(true);
    } catch (error) {
      const refusal = describeRefusal(error, i18n.language, t("error.saveFailed"));
      if (refusal.field && EDITOR_FIELD.test(refusal.field)) {
        form.setError(
          refusal.field as Path<EditorValues>,
          { type: "server", message: refusal.message },
          { shouldFocus: true },
        );
        setFormError(t("editor.fixMarked"));
      } else {
        setFormError(refusal.message);
      }
    }
  });

  const add = (recording: RecordingRow) => {
    append({
      recordingId: recording.id,
      durationMs: recording.durationMs,
      label: `${recording.staffMember.firstName} ${recording.staffMember.lastName}, ${format.dateTime(recording.callStartedAt)}`,
      clipStartMs: 0,
      clipEndMs: recording.durationMs,
      note: "",
      removedReason: null,
    });
    setOpened(`new-${fields.length}`);
    setAdding(false);
  };
  const errors = form.formState.errors;
  return (
    <>
      <form className="stack" onSubmit={save} noValidate aria-labelledby="editor-title">
        <h2 id="editor-title" className="visually-hidden">
          {t("editor.formTitle")}
        </h2>
        <FormError message={formError} />
        {saved && !form.formState.isDirty ? (
          <p className="alert alert--success" role="status">
            {t("saved")}
          </p>
        ) : null}
        <div className="card stack">
          <TextField
            label={t("playlists.fieldTitle")}
            maxLength={200}
            error={errors.title?.message}
            {...form.register("title", { required: t("playlists.titleRequired") })}
          />
          <div className={`field${errors.description ? " field--invalid" : ""}`}>
            <label htmlFor="playlist-description">{t("playlists.fieldDescription")}</label>
            <textarea
              id="playlist-description"
              rows={3}
              maxLength={4000}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={
                errors.description ? "playlist-description-error" : "playlist-description-hint"
              }
              {...form.register("description")}
            />
            <p id="playlist-description-hint" className="field__hint">
              {t("playlists.noCustomerData")}
            </p>
            <WhyLink clause="data_content" />
            {errors.description ? (
              <p id="playlist-description-error" className="field__error">
                {errors.description.message}
              </p>
            ) : null}
          </div>
        </div>
        <div className="row row--between">
          <h2>{t("editor.itemsTitle", { count: fields.length })}</h2>
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t("editor.addRecording")}
          </button>
        </div>
        {fields.length === 0 ? (
          <p className="empty-state">{t("editor.noItems")}</p>
        ) : (
          <SortableItems ids={fields.map((field) => field.key)} onMove={move}>
            {fields.map((field, index) => (
              <ItemCard
                key={field.key}
                sortableId={field.key}
                index={index}
                count={fields.length}
                control={form.control}
                register={form.register}
                errors={errors}
                item={items[index] ?? field}
                onMove={move}
                onRemove={() => remove(index)}
                initiallyOpen={opened === `new-${index}`}
              />
            ))}
          </SortableItems>
        )}
        <div className="row editor-actions">
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("saving") : t("editor.save")}
          </button>
          {form.formState.isDirty ? <span className="muted">{t("editor.unsaved")}</span> : null}
        </div>
      </form>
      {guard.prompt}
      <AddRecordingDialog open={adding} onClose={() => setAdding(false)} onAdd={add} />
    </>
  );
}
