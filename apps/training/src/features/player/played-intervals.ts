/** A stretch of the recording that actually played, in milliseconds of recording time. */
export type PlayedInterval = [startMs: number, endMs: number];

/**
 * Collects what was really heard: consecutive player positions that advance by about the elapsed
 * time extend the open interval; a seek or a gap starts a new one. The server merges intervals
 * and decides completion, so this only has to be honest, not clever.
 */
export class PlayedIntervalsTracker {
  private open: PlayedInterval | null = null;
  private closed: PlayedInterval[] = [];

  /** `maxStepMs` is the largest advance between two ticks that still counts as continuous playback. */
  constructor(private readonly maxStepMs = 1_500) {}

  /** A position sample while audio is playing. */
  tick(positionMs: number): void {
    const position = Math.max(0, Math.round(positionMs));
    if (!this.open) {
      this.open = [position, position];
      return;
    }
    const step = position - this.open[1];
    if (step >= 0 && step <= this.maxStepMs) {
      this.open[1] = position;
    } else {
      this.close();
      this.open = [position, position];
    }
  }

  /** Playback stopped or jumped: the open interval ends where it was last seen. */
  break(): void {
    this.close();
  }

  /** Returns what was heard since the last drain; an interval still open continues from its end. */
  drain(): PlayedInterval[] {
    const result = [...this.closed];
    this.closed = [];
    if (this.open && this.open[1] > this.open[0]) {
      result.push([this.open[0], this.open[1]]);
      this.open = [this.open[1], this.open[1]];
    }
    return result;
  }

  private close(): void {
    if (this.open && this.open[1] > this.open[0]) this.closed.push(this.open);
    this.open = null;
  }
}
