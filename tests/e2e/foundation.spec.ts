// The foundation as a mentor meets it: setting up the vault, keeping a student, locking, and getting
// back in with the passphrase or the recovery key. Every wait is on something visible or a ready signal.
import type { Page } from '@playwright/test';
import { expect, test, waitForAppReady, type HarnessFixture } from './fixtures';

const PASSPHRASE = 'lantern orbit pickle 47 meadow';
const NEW_PASSPHRASE = 'copper heron violin 83 tundra';
const STUDENT = 'Perpetua Quillfeather-Ngozi';

// Unlocking runs the real key derivation, which is deliberately slow.
const KDF_TIMEOUT = { timeout: 30_000 };

const lockButton = (page: Page) => page.getByRole('button', { name: 'Lock', exact: true });
const unlockHeading = (page: Page) => page.getByRole('heading', { name: 'Unlock Mentor Desk' });

async function unlock(page: Page, passphrase: string): Promise<void> {
  await expect(unlockHeading(page)).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Passphrase', { exact: true }).press('Enter');
  await expect(lockButton(page)).toBeVisible(KDF_TIMEOUT);
}

async function openStudents(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Students', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Students', level: 1 })).toBeVisible();
}

/** Sets up a vault and a student through the backend, for tests that are about what comes after. */
async function vaultWithStudent(page: Page, harness: HarnessFixture): Promise<{ recoveryKey: string }> {
  const created = await harness.call('vault:create', { passphrase: PASSPHRASE });
  if (!created.ok) throw new Error(`vault:create failed: ${created.error.message}`);
  const added = await harness.call('students:create', { fullName: STUDENT, preferredName: 'Pet', studentNumber: 'S1234567', email: '' });
  if (!added.ok) throw new Error(`students:create failed: ${added.error.message}`);
  await page.reload();
  await waitForAppReady(page);
  await expect(lockButton(page)).toBeVisible();
  return created.data as { recoveryKey: string };
}

test('a mentor sets up the vault, adds a student, locks, and finds the student again after a restart', async ({ page, harness }) => {
  await expect(page.getByRole('heading', { name: 'Welcome to Mentor Desk' })).toBeVisible();
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  const confirm = page.getByLabel('Confirm passphrase');
  const create = page.getByRole('button', { name: 'Create vault' });

  // A weak passphrase is refused, with a reason the mentor can act on.
  await passphrase.fill('password1234');
  await confirm.fill('password1234');
  await expect(page.getByText(/Too easy to guess/)).toBeVisible();
  await expect(page.getByText('Not strong enough yet')).toBeVisible();
  await expect(create).toBeDisabled();

  await passphrase.fill(PASSPHRASE);
  await confirm.fill(PASSPHRASE);
  await expect(page.getByText('Good enough to use')).toBeVisible();
  await create.click();

  // The recovery key is shown once, and the mentor must say it is stored before going on.
  const recoveryKey = page.getByTestId('recovery-key');
  await expect(recoveryKey).toBeVisible(KDF_TIMEOUT);
  await expect(recoveryKey).toHaveText(/\w{4,}/);
  const carryOn = page.getByRole('button', { name: 'Continue' });
  await expect(carryOn).toBeDisabled();
  await page.getByLabel('I have stored my recovery key somewhere safe').check();
  await carryOn.click();
  await expect(lockButton(page)).toBeVisible();
  await expect(page.getByTestId('recovery-key')).toHaveCount(0);

  await openStudents(page);
  await page.getByRole('button', { name: 'Add student' }).click();
  const form = page.getByRole('dialog', { name: 'Add student' });
  await form.getByLabel('Full name').fill(STUDENT);
  await form.getByLabel('Preferred name').fill('Pet');
  await form.getByLabel('Student number').fill('S1234567');
  await form.getByRole('button', { name: 'Save student' }).click();
  await expect(page.getByRole('heading', { name: STUDENT })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: new RegExp(STUDENT) })).toBeVisible();

  await lockButton(page).click();
  await expect(unlockHeading(page)).toBeVisible();
  await expect(page.locator('body')).not.toContainText(STUDENT);

  // A wrong passphrase is refused with a message that says what to do.
  await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase at all');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not unlocked' })).toContainText(/passphrase is not right/i, KDF_TIMEOUT);
  await expect(lockButton(page)).toHaveCount(0);

  await unlock(page, PASSPHRASE);
  await openStudents(page);
  await expect(page.getByRole('row', { name: new RegExp(STUDENT) })).toBeVisible();

  // Quitting and starting again (same data folder) reloads the page; the vault opens locked.
  await harness.restart();
  await unlock(page, PASSPHRASE);
  await openStudents(page);
  await expect(page.getByRole('row', { name: new RegExp(STUDENT) })).toBeVisible();
});

test('after 10 minutes without activity the vault locks and no student detail is left on screen', async ({ page, harness }) => {
  await vaultWithStudent(page, harness);
  await openStudents(page);
  await page.getByRole('button', { name: STUDENT }).click();
  await expect(page.getByRole('heading', { name: STUDENT })).toBeVisible();

  await harness.advanceClock(10 * 60_000 + 5_000);

  await expect(unlockHeading(page)).toBeVisible();
  await expect(page.getByText('Locked after 10 minutes without activity')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(STUDENT);
  expect(await page.content()).not.toContain('S1234567');
});

test('the recovery key resets a forgotten passphrase', async ({ page, harness }) => {
  const { recoveryKey } = await vaultWithStudent(page, harness);
  await lockButton(page).click();
  await expect(unlockHeading(page)).toBeVisible();

  await page.getByRole('button', { name: 'Use recovery key instead' }).click();
  await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Confirm new passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Reset passphrase' }).click();
  await expect(lockButton(page)).toBeVisible(KDF_TIMEOUT);

  await lockButton(page).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not unlocked' })).toBeVisible(KDF_TIMEOUT);

  await unlock(page, NEW_PASSPHRASE);
  await openStudents(page);
  await expect(page.getByRole('row', { name: new RegExp(STUDENT) })).toBeVisible();
});
