import { AppFailure } from '../../../../shared/errors';
import type { Clock } from '../clock';

/**
 * Slows down wrong passphrases: the first three attempts are free, then each wrong one doubles
 * the wait (2 s, 4 s, 8 s … up to 5 minutes). It is kept in memory: it protects the running app
 * against someone at the keyboard, while the KDF's cost protects a copied file.
 */
export class Throttle {
  private failures = 0;
  private nextAllowed = 0;

  constructor(
    private readonly clock: Clock,
    private readonly freeAttempts = 3,
    private readonly maxDelayMs = 5 * 60_000,
  ) {}

  retryAt(): number | null {
    return this.nextAllowed > this.clock.now() ? this.nextAllowed : null;
  }

  /** Refuses an attempt made before the wait is over. */
  check(): void {
    const retryAt = this.retryAt();
    if (retryAt !== null) {
      const seconds = Math.ceil((retryAt - this.clock.now()) / 1000);
      throw new AppFailure('RATE_LIMITED', `Too many wrong attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, { retryAt });
    }
  }

  /** Records a wrong attempt; returns when the next one is allowed, if there is a wait. */
  fail(): number | null {
    this.failures += 1;
    const over = this.failures - this.freeAttempts;
    if (over <= 0) return null;
    const delay = Math.min(this.maxDelayMs, 1000 * 2 ** over);
    this.nextAllowed = this.clock.now() + delay;
    return this.nextAllowed;
  }

  succeed(): void {
    this.failures = 0;
    this.nextAllowed = 0;
  }
}
