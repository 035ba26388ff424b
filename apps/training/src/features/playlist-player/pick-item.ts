import type { RouterOutputs } from "@kuulo/api";

type Playlist = Pick<RouterOutputs["training"]["playlist"], "items" | "resume">;
type Item = Playlist["items"][number];

/** Which item to open: the one in the address, else where I left off, else the first unfinished. */
export function pickItem<P extends Playlist>(
  playlist: P,
  requested: string | undefined,
): P["items"][number] | undefined {
  const playable = playlist.items.filter((item: Item) => item.recording);
  return (
    playlist.items.find((item: Item) => item.id === requested) ??
    playable.find((item: Item) => item.id === playlist.resume?.itemId) ??
    playable.find((item: Item) => !item.progress?.completed) ??
    playable[0] ??
    playlist.items[0]
  );
}
