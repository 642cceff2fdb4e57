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

/** Draws a zig-zag across the pad with the mouse, as a signer would. */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByLabel(/^Signature pad/);
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('The signature pad is not on screen');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.15, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i += 1) {
    await page.mouse.move(box.x + box.width * (0.15 + i * 0.08), y + (i % 2 === 0 ? -25 : 25), { steps: 4 });
  }
  await page.mouse.up();
}

/** Draws, prints the name, signs and confirms. */
export async function signOnPad(page: Page, printedName: string): Promise<void> {
  await drawSignature(page);
  await page.getByLabel('Printed name').fill(printedName);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByRole('button', { name: 'Confirm signature' }).click();
}

/** Leaves signing mode with the mentor's passphrase and waits for the app to come back. */
export async function leaveSigningMode(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await page.getByLabel('Mentor’s passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Leave signing mode' }).click();
  await expect(lockButton(page)).toBeVisible(KDF_TIMEOUT);
}

/** The unlock screen after a restart or auto-lock: the passphrase, then the app. */
export async function unlock(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock Mentor Desk' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase', { exact: true }).press('Enter');
  await expect(lockButton(page)).toBeVisible(KDF_TIMEOUT);
}
