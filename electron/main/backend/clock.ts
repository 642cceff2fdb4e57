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

/** Sessions, deadlines and surveys are in UK civil time: "today" is the date in London. */
export const TIME_ZONE = 'Europe/London';
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` in the UK at `at`. */
export function londonToday(at: number): string {
  return londonDay.format(at);
}
