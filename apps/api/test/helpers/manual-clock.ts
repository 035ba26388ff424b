import type { Clock } from "../../src/trpc/context.js";

/** A clock tests move by hand: timeouts are checked one second either side, never with real waiting. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date = new Date("2026-11-02T08:00:00.000Z")) {
    this.current = start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = date.getTime();
  }
  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }
  advanceSeconds(seconds: number): Date {
    return this.advance(seconds * 1000);
  }
}
