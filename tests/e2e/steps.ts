// Steps several specs take the same way: a vault with the mentor's details, both clocks set, the
// lock button and the main navigation. Not a spec itself (no .spec. in the name).
import type { Page } from '@playwright/test';
import { expect, waitForAppReady, type HarnessFixture } from './fixtures';

export const PASSPHRASE = 'lantern orbit pickle 47 meadow';
export const KDF_TIMEOUT = { timeout: 30_000 };
// Monday 23 November 2026, 09:30 in London: academic year 2026/27.
export const T0 = Date.UTC(2026, 10, 23, 9, 30);

export const lockButton = (page: Page) => page.getByRole('button', { name: 'Lock', exact: true });
export const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

/** Starts both clocks at `at`: the backend's (rules, auto-lock) and the page's (defaults like "now"). */
export async function setTime(page: Page, harness: HarnessFixture, at: number): Promise<void> {
  await page.clock.setFixedTime(at);
  await harness.setClock(at);
}

/** A vault with the mentor's details, opened in the page. */
export async function openVault(page: Page, harness: HarnessFixture): Promise<void> {
  const created = await harness.call('vault:create', { passphrase: PASSPHRASE });
  if (!created.ok) throw new Error(`vault:create failed: ${created.error.message}`);
  const saved = await harness.call('settings:save', {
    mentorName: 'Sam Mentor',
    providerName: 'Brightside Mentoring',
    mentorEmail: 'sam@brightside.example.org',
    mentorPhone: '0116 496 0000',
    autoLockMinutes: 60,
    region: 'england-and-wales',
  });
  if (!saved.ok) throw new Error(`settings:save failed: ${saved.error.message}`);
  await page.reload();
  await waitForAppReady(page);
  await expect(lockButton(page)).toBeVisible();
}
