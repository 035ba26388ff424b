import type { ItemProgress } from "./item-progress.js";

interface ResumableItem {
  id: string;
  clipStartMs: number;
  clipEndMs: number | null;
  progress: ItemProgress | null;
}

/** Within this of the clip's end, a finished item resumes at the next unfinished one instead. */
const AT_END_MS = 1000;

/**
 * Where the player resumes: the item played most recently at its last position, unless that item is
 * finished and played to its end, then the next unfinished item. Without any progress, the first item.
 */
export function resumePoint(items: readonly ResumableItem[]): { itemId: string; positionMs: number } | null {
  const playable = items.filter((item) => item.progress !== null && item.clipEndMs !== null);
  if (playable.length === 0) return null;
  const touched = playable
    .filter((item) => item.progress?.updatedAt)
    .sort((a, b) => (b.progress?.updatedAt ?? "").localeCompare(a.progress?.updatedAt ?? ""));
  const last = touched[0];
  if (!last?.progress) {
    const first = playable[0];
    return first ? { itemId: first.id, positionMs: first.clipStartMs } : null;
  }
  const finishedAtEnd =
    last.progress.completed && last.progress.positionMs >= (last.clipEndMs ?? 0) - AT_END_MS;
  if (!finishedAtEnd) return { itemId: last.id, positionMs: last.progress.positionMs };
  const index = playable.indexOf(last);
  const next = [...playable.slice(index + 1), ...playable.slice(0, index)].find(
    (item) => !item.progress?.completed,
  );
  if (!next) return { itemId: last.id, positionMs: last.progress.positionMs };
  return { itemId: next.id, positionMs: next.progress?.positionMs ?? next.clipStartMs };
}
