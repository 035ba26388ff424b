import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { formatDuration } from "@kuulo/ui";
import { useState } from "react";
import { type Control, Controller, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ClipEditor } from "./clip-editor.js";
import { clipProblem, type EditorValues } from "./editor-values.js";

interface Props {
  sortableId: string;
  index: number;
  count: number;
  control: Control<EditorValues>;
  register: UseFormRegister<EditorValues>;
  errors: FieldErrors<EditorValues>;
  item: EditorValues["items"][number];
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  initiallyOpen: boolean;
}

/** One item of the playlist being edited: order controls, the clip and the note. */
export function ItemCard({
  sortableId,
  index,
  count,
  control,
  register,
  errors,
  item,
  onMove,
  onRemove,
  initiallyOpen,
}: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: sortableId });
  const number = index + 1;
  const itemErrors = errors.items?.[index];
  const noteError = itemErrors?.note?.message;
  const clipError =
    itemErrors?.clipEndMs?.message ?? itemErrors?.clipStartMs?.message ?? itemErrors?.recordingId?.message;
  const problem = clipProblem(item);
  const noteId = `item-${sortableId}-note`;
  return (
    <li
      ref={setNodeRef}
      className={`card item-card${isDragging ? " item-card--dragging" : ""}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid={`item-${number}`}
    >
      <div className="item-card__header">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="button button--small item-card__handle"
          aria-label={t("editor.dragHandle", { number })}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <h3 className="item-card__title">
          {t("editor.itemHeading", { number })}
          <span className="muted item-card__label">
            {item.recordingId ? item.label : t("editor.removed")}
          </span>
        </h3>
        <div className="item-card__order">
          <button
            type="button"
            className="button button--small"
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            {t("editor.moveUp")}
            <span className="visually-hidden"> {t("editor.itemHeading", { number })}</span>
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            {t("editor.moveDown")}
            <span className="visually-hidden"> {t("editor.itemHeading", { number })}</span>
          </button>
          <button type="button" className="button button--small button--danger-outline" onClick={onRemove}>
            {t("editor.remove")}
            <span className="visually-hidden"> {t("editor.itemHeading", { number })}</span>
          </button>
        </div>
      </div>
      {item.recordingId && item.clipEndMs !== null ? (
        <div className="item-card__clip">
          <span>
            {t("editor.clipSummary", {
              start: formatDuration(item.clipStartMs),
              end: formatDuration(item.clipEndMs),
              length: formatDuration(item.clipEndMs - item.clipStartMs),
            })}
          </span>
          <button
            type="button"
            className="button button--small"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? t("editor.closeClip") : t("editor.chooseClip")}
          </button>
        </div>
      ) : (
        <p className="alert alert--warning">
          {item.removedReason === "retention" ? t("player.removedRetention") : t("player.removedOther")}
        </p>
      )}
      {open && item.recordingId && item.clipEndMs !== null ? (
        <Controller
          control={control}
          name={`items.${index}.clipEndMs`}
          render={({ field }) => (
            <Controller
              control={control}
              name={`items.${index}.clipStartMs`}
              render={({ field: startField }) => (
                <ClipEditor
                  recordingId={item.recordingId ?? ""}
                  durationMs={item.durationMs}
                  clip={{ startMs: startField.value, endMs: field.value ?? item.durationMs }}
                  onChange={(clip) => {
                    startField.onChange(clip.startMs);
                    field.onChange(clip.endMs);
                  }}
                  title={t("editor.itemHeading", { number })}
                  error={clipError ?? (problem ? t(`editor.clipProblem.${problem}`) : undefined)}
                />
              )}
            />
          )}
        />
      ) : clipError ? (
        <p className="field__error">{clipError}</p>
      ) : null}
      <div className={`field${noteError ? " field--invalid" : ""}`}>
        <label htmlFor={noteId}>{t("editor.note", { number })}</label>
        <textarea
          id={noteId}
          rows={3}
          maxLength={2000}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? `${noteId}-error` : `${noteId}-hint`}
          {...register(`items.${index}.note`)}
        />
        {noteError ? (
          <p id={`${noteId}-error`} className="field__error" data-testid={`item-${number}-note-error`}>
            {noteError}
          </p>
        ) : null}
        <p id={`${noteId}-hint`} className="field__hint">
          {t("playlists.noCustomerData")}
        </p>
      </div>
    </li>
  );
}
