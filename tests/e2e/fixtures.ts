// Each test gets its own harness: the real backend on its own temporary vault folder, and a page
// that has opened the app and signalled it is ready (never a sleep).
import { test as base, expect, type Page } from '@playwright/test';
import type { Result } from '../../shared/errors';
import { startHarness } from '../harness/server';

export interface HarnessFixture {
  /** `http://127.0.0.1:PORT/#token=…` */
  url: string;
  /** This test's vault folder (removed after the test). */
  dataDir: string;
  /** The harness token (already in `url`); for tests that call the HTTP API themselves. */
  token: string;
  /** Closes the backend and opens it again on the same folder, then reloads every page: an app restart. */
  restart(): Promise<void>;
  /** Freezes the backend's clock at `ms` since the epoch and runs its clock-driven rules (auto-lock). */
  setClock(ms: number): Promise<void>;
  /** Moves the backend's clock on by `ms` and runs its clock-driven rules. */
  advanceClock(ms: number): Promise<void>;
  /** Calls a channel directly on the backend, for setting up data a test is not about. */
  call(channel: string, request: unknown): Promise<Result<unknown>>;
}

/** The renderer sets body[data-app-ready] once it knows the vault's state; the shim marks its event stream open. */
export async function waitForAppReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body?.dataset.appReady === 'true' && document.documentElement.dataset.harnessEvents === 'open',
    undefined,
    { timeout: 30_000 },
  );
}

export const test = base.extend<{ harness: HarnessFixture }>({
  harness: async ({ context }, use) => {
    const harness = await startHarness();
    try {
      await use({
        url: harness.url,
        dataDir: harness.dataDir,
        token: harness.token,
        async restart() {
          await harness.restart();
          for (const page of context.pages()) {
            await page.reload();
            await waitForAppReady(page);
          }
        },
        async setClock(ms) {
          harness.setClock(ms);
        },
        async advanceClock(ms) {
          harness.advanceClock(ms);
        },
        call: (channel, request) => harness.call(channel, request),
      });
    } finally {
      await harness.stop();
    }
  },
  page: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await waitForAppReady(page);
    await use(page);
  },
});

export { expect };
