import type { KeyboardEvent } from "react";
import { PLAYBACK_RATES } from "./use-clip-playback.js";

export interface ShortcutTarget {
  toggle(): void;
  skip(deltaMs: number): void;
  seekToStart(): void;
  seekToEnd(): void;
  rate: number;
  setRate(rate: number): void;
  previous?: (() => void) | undefined;
  next?: (() => void) | undefined;
}

/** Keys and their i18n labels, listed in the UI exactly as handled below. */
export const SHORTCUTS = [
  { keys: ["Space", "K"], label: "player.shortcut.playPause" },
  { keys: ["←", "→"], label: "player.shortcut.seek5" },
  { keys: ["Shift + ←", "Shift + →"], label: "player.shortcut.seek10" },
  { keys: ["Home", "End"], label: "player.shortcut.startEnd" },
  { keys: ["<", ">"], label: "player.shortcut.speed" },
  { keys: ["P", "N"], label: "player.shortcut.previousNext" },
] as const;

const nextRate = (rate: number, direction: 1 | -1): number => {
  const index = PLAYBACK_RATES.findIndex((candidate) => candidate >= rate - 0.001);
  const current = index < 0 ? PLAYBACK_RATES.length - 1 : index;
  const target = Math.min(PLAYBACK_RATES.length - 1, Math.max(0, current + direction));
  return PLAYBACK_RATES[target] ?? rate;
};

/** Handles a key pressed anywhere inside the player, except while typing into a field. */
export function handlePlayerKey(event: KeyboardEvent<HTMLElement>, target: ShortcutTarget): void {
  const element = event.target as HTMLElement;
  if (element.closest("input, textarea, select, [contenteditable='true']")) return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const onButton = element.closest("button, a") !== null;
  const step = event.shiftKey ? 10_000 : 5_000;
  const actions: Record<string, (() => void) | undefined> = {
    // Space and Enter on a focused button already press that button.
    " ": onButton ? undefined : target.toggle,
    k: target.toggle,
    K: target.toggle,
    ArrowLeft: () => target.skip(-step),
    ArrowRight: () => target.skip(step),
    Home: target.seekToStart,
    End: target.seekToEnd,
    "<": () => target.setRate(nextRate(target.rate, -1)),
    ">": () => target.setRate(nextRate(target.rate, 1)),
    p: target.previous,
    P: target.previous,
    n: target.next,
    N: target.next,
  };
  const action = actions[event.key];
  if (!action) return;
  event.preventDefault();
  action();
}
