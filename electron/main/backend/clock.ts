/** Time is injected: rules and the backend ask a clock, so tests never depend on today's date. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests and the browser harness can set and move. */
export class AdjustableClock implements Clock {
  private offset = 0;
  private fixed: number | null = null;
  now(): number {
    return this.fixed ?? Date.now() + this.offset;
  }
  /** Freeze time at `at`. */
  set(at: number): void {
    this.fixed = at;
  }
  /** Move time forward (frozen or running). */
  advance(ms: number): void {
    if (this.fixed !== null) this.fixed += ms;
    else this.offset += ms;
  }
  /** Let time run again from wherever it is now. */
  release(): void {
    if (this.fixed !== null) this.offset = this.fixed - Date.now();
    this.fixed = null;
  }
}
