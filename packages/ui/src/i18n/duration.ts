/**
 * A duration in milliseconds as "m:ss" (or "h:mm:ss"), the one convention for call, clip and
 * listening lengths in both apps (same in every language, like a player's clock).
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** Like formatDuration, with tenths of a second, for clip boundaries chosen on the waveform. */
export function formatDurationPrecise(ms: number): string {
  const tenths = Math.floor((Math.max(0, ms) % 1000) / 100);
  return `${formatDuration(ms)}.${tenths}`;
}

const CLOCK = /^\s*(?:(\d+):)?(\d{1,3}):(\d{1,2})(?:[.,](\d{1,3}))?\s*$/;
const SECONDS = /^\s*(\d+)(?:[.,](\d{1,3}))?\s*$/;

/** Parses "m:ss", "m:ss.s", "h:mm:ss" or plain seconds into milliseconds; null when it is not a time. */
export function parseDuration(text: string): number | null {
  const fraction = (digits: string | undefined) => (digits ? Math.round(Number(`0.${digits}`) * 1000) : 0);
  const clock = CLOCK.exec(text);
  if (clock) {
    const seconds = Number(clock[3]);
    if (seconds >= 60) return null;
    const hours = Number(clock[1] ?? 0);
    const minutes = Number(clock[2]);
    if (clock[1] !== undefined && minutes >= 60) return null;
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction(clock[4]);
  }
  const plain = SECONDS.exec(text);
  if (plain) return Number(plain[1]) * 1000 + fraction(plain[2]);
  return null;
}
