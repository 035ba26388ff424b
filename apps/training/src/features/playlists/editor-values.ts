import type { RouterInputs, RouterOutputs } from "@kuulo/api";

export type PlaylistDetail = RouterOutputs["playlists"]["get"];

export interface EditorItem {
  /** Existing item id (keeps listeners' progress); absent for an item added in this session. */
  itemId?: string;
  recordingId: string | null;
  durationMs: number;
  /** Who took the call and when, shown to the trainer (R3 staff data only). */
  label: string;
  clipStartMs: number;
  clipEndMs: number | null;
  note: string;
  removedReason: string | null;
}

export interface EditorValues {
  title: string;
  description: string;
  items: EditorItem[];
}

export function toEditorValues(
  playlist: PlaylistDetail,
  labelOf: (recording: NonNullable<PlaylistDetail["items"][number]["recording"]>) => string,
): EditorValues {
  return {
    title: playlist.title,
    description: playlist.description,
    items: playlist.items.map((item) => ({
      itemId: item.id,
      recordingId: item.recording?.id ?? null,
      durationMs: item.recording?.durationMs ?? 0,
      label: item.recording ? labelOf(item.recording) : "",
      clipStartMs: item.clipStartMs,
      clipEndMs: item.clipEndMs ?? item.recording?.durationMs ?? null,
      note: item.note,
      removedReason: item.removedReason,
    })),
  };
}

export function toSetItemsInput(
  playlistId: string,
  values: EditorValues,
): RouterInputs["playlists"]["setItems"] {
  return {
    playlistId,
    items: values.items.map((item) => ({
      ...(item.itemId ? { itemId: item.itemId } : {}),
      recordingId: item.recordingId,
      clipStartMs: item.clipStartMs,
      clipEndMs: item.clipEndMs,
      note: item.note,
    })),
  };
}

/** The editor fields a server refusal may name; anything else is shown above the form. */
export const EDITOR_FIELD = /^(title|description|items\.\d+\.(note|clipStartMs|clipEndMs|recordingId))$/;

/** Client-side check of one clip; the server checks again (and decides what "most of it" means). */
export function clipProblem(item: EditorItem): "order" | "beyond" | null {
  if (item.recordingId === null || item.clipEndMs === null) return null;
  if (item.clipEndMs <= item.clipStartMs) return "order";
  if (item.durationMs > 0 && item.clipEndMs > item.durationMs + 500) return "beyond";
  return null;
}
