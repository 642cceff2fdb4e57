// The Boundaries tab as a mentor works it: the provider's boundaries confirmed with the student, a
// gift logged with the office told, a confidentiality exception that flags the profile and the
// caseload but stays out of the PDF, all still there after a restart; and the handbook lists and
// logo in Settings. Every wait is on something visible.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test, type HarnessFixture } from './fixtures';
import { KDF_TIMEOUT, PASSPHRASE, T0, lockButton, nav, openVault, setTime } from './steps';

const here = path.dirname(fileURLToPath(import.meta.url));
const LOGO = path.join(here, '../fixtures/logo.png');
const CONCERN = 'Said they had been thinking about harming themselves after the resit results';

async function boundariesOnFile(harness: HarnessFixture, studentId: string) {
  const result = await harness.call('boundaries:get', { studentId });
  if (!result.ok) throw new Error(`boundaries:get failed: ${result.error.message}`);
  return result.data as { checklist: { confirmedAt: number | null }[]; events: unknown[]; exceptions: unknown[] };
}

async function openBoundaries(page: Page, name: string): Promise<void> {
  await nav(page, 'Students').click();
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Boundaries' }).click();
  await expect(page.getByRole('heading', { name: 'Boundaries checklist' })).toBeVisible();
}

test('boundaries are confirmed, a gift is logged, a confidentiality exception flags the student and stays out of the PDF, and all survive a restart', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  const created = await harness.call('students:create', { fullName: 'Amara Nwosu', institution: 'University of Leicester' });
  if (!created.ok) throw new Error(`students:create failed: ${created.error.message}`);
  const studentId = (created.data as { id: string }).id;
  await openBoundaries(page, 'Amara Nwosu');

  // The provider's boundaries, confirmed one by one; each tick is saved with the time it was made.
  const checklist = page.getByRole('group', { name: 'Boundaries checklist' });
  await expect(checklist.getByRole('checkbox')).toHaveCount(6);
  const first = checklist.getByRole('checkbox', { name: /Our relationship is professional only/ });
  await first.check();
  await expect(checklist.getByText('confirmed 23/11/2026 09:30')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm all' }).click();
  await expect(page.getByTestId('checklist-status')).toHaveText('6 of 6 confirmed');
  await expect(checklist.getByText(/^confirmed 23\/11\/2026 09:30$/)).toHaveCount(6);
  expect((await boundariesOnFile(harness, studentId)).checklist.every((i) => i.confirmedAt !== null)).toBe(true);

  // "Office told" ticked without a date: the field says what is missing and nothing is saved.
  await page.getByRole('button', { name: 'Log a boundary event' }).click();
  const eventForm = page.getByRole('form', { name: 'Log a boundary event' });
  await expect(eventForm.getByRole('textbox', { name: 'Date', exact: true })).toHaveValue('23/11/2026');
  await expect(eventForm.getByRole('combobox', { name: 'What kind of event' })).toHaveValue('Gift offered');
  await eventForm.getByLabel('What happened').fill('Offered a box of chocolates after the deadline was met');
  await eventForm.getByLabel('What you did').fill('Thanked them and explained the gifts policy');
  await eventForm.getByRole('checkbox', { name: 'Office told', exact: true }).check();
  await eventForm.getByRole('button', { name: 'Log event' }).click();
  await expect(eventForm.getByText('Say when the office was told')).toBeVisible();
  expect((await boundariesOnFile(harness, studentId)).events).toHaveLength(0);

  await eventForm.getByRole('textbox', { name: 'Office told on' }).fill('23/11/2026');
  await eventForm.getByLabel('What you did').click();
  await eventForm.getByRole('button', { name: 'Log event' }).click();
  const log = page.getByRole('table', { name: 'Boundary log' });
  const gift = log.getByRole('row', { name: /Gift offered/ });
  await expect(gift).toContainText('23/11/2026');
  await expect(gift).toContainText('Offered a box of chocolates');
  await expect(gift).toContainText('Yes, 23/11/2026');
  await expect(eventForm).toHaveCount(0);

  // A confidentiality exception: set apart on the tab, flagged on the profile and in the caseload.
  await expect(page.getByTestId('confidentiality-flag')).toHaveCount(0);
  await page.getByRole('button', { name: 'Record a confidentiality exception' }).click();
  const exceptionForm = page.getByRole('form', { name: 'Record a confidentiality exception' });
  await exceptionForm.getByLabel('The concern').fill(CONCERN);
  await exceptionForm.getByLabel('Person 1: who').fill('University wellbeing team');
  await exceptionForm.getByLabel('Person 1: how').fill('by phone');
  await exceptionForm.getByRole('button', { name: 'Record exception' }).click();
  const exception = page.getByTestId('confidentiality-exception');
  await expect(exception).toContainText(CONCERN);
  await expect(exception).toContainText('University wellbeing team, 23/11/2026 (by phone)');
  await expect(exception).toContainText('Open');
  const flag = page.getByTestId('confidentiality-flag');
  await expect(flag).toHaveText('Confidentiality exception open');

  await page.getByRole('tab', { name: 'Details' }).click();
  await flag.click();
  await expect(page.getByRole('tab', { name: 'Boundaries' })).toHaveAttribute('aria-selected', 'true');

  await nav(page, 'Students').click();
  const row = page.getByRole('row', { name: /Amara Nwosu/ });
  await expect(row.getByRole('img', { name: 'Confidentiality exception open' })).toBeVisible();

  // The PDF without exceptions (the default): the gift is in it, the concern is not.
  await openBoundaries(page, 'Amara Nwosu');
  await expect(page.getByRole('checkbox', { name: 'Include confidentiality exceptions' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.getByText(/^Saved to .+\.pdf$/)).toBeVisible(KDF_TIMEOUT);
  const written = (await page.getByTestId('boundaries-export-path').textContent())?.replace(/^Last exported to /, '') ?? '';
  expect(written).toMatch(/\.pdf$/);
  const pdfText = execFileSync('pdftotext', [written, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(pdfText).toContain('Offered a box of chocolates');
  expect(pdfText).toContain('Gift offered');
  expect(pdfText).not.toContain('harming themselves');
  expect(pdfText).not.toContain('wellbeing team');

  // Restarting the app and unlocking again: everything is still on file.
  await harness.restart();
  await expect(page.getByRole('heading', { name: 'Unlock Mentor Desk' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase', { exact: true }).press('Enter');
  await expect(lockButton(page)).toBeVisible(KDF_TIMEOUT);
  await openBoundaries(page, 'Amara Nwosu');
  await expect(page.getByTestId('checklist-status')).toHaveText('6 of 6 confirmed');
  await expect(page.getByRole('group', { name: 'Boundaries checklist' }).getByRole('checkbox', { checked: true })).toHaveCount(6);
  await expect(page.getByRole('table', { name: 'Boundary log' }).getByRole('row', { name: /Gift offered/ })).toContainText('Yes, 23/11/2026');
  await expect(page.getByTestId('confidentiality-exception')).toContainText(CONCERN);
  await expect(page.getByTestId('confidentiality-flag')).toHaveText('Confidentiality exception open');

  // Followed up and closed: a second person told, and the flag says one is on file, no longer open.
  await page.getByRole('button', { name: 'Edit the exception raised 23/11/2026' }).click();
  const editForm = page.getByRole('form', { name: 'Edit confidentiality exception' });
  await editForm.getByRole('button', { name: 'Add another person' }).click();
  await editForm.getByLabel('Person 2: who').fill('Student support office');
  await editForm.getByLabel('Follow-up').fill('Referred to the wellbeing team; they are now in touch with the student');
  await editForm.getByRole('checkbox', { name: /^Closed/ }).check();
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(exception).toContainText('Student support office, 23/11/2026');
  await expect(exception).toContainText('Closed');
  await expect(page.getByTestId('confidentiality-flag')).toHaveText('Confidentiality exception on file');
});

test('in Settings the mentor rewords a guideline and uploads the provider’s logo, which is previewed', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  await nav(page, 'Settings').click();

  const guidelines = page.getByRole('region', { name: 'Mentoring guidelines' });
  const firstGuideline = guidelines.getByRole('textbox', { name: 'Guideline 1', exact: true });
  await expect(firstGuideline).toHaveValue('Taking part in mentoring is your choice.');
  await firstGuideline.fill('Taking part in mentoring is always your own choice.');
  await guidelines.getByRole('button', { name: 'Move guideline 1 down' }).click();
  await expect(guidelines.getByRole('textbox', { name: 'Guideline 2', exact: true })).toHaveValue('Taking part in mentoring is always your own choice.');
  await guidelines.getByRole('button', { name: 'Save guidelines' }).click();
  await expect(page.getByText(/The mentoring guidelines were saved/)).toBeVisible();
  const settings = await harness.call('settings:get', {});
  if (!settings.ok) throw new Error(settings.error.message);
  const saved = settings.data as { mentoringGuidelines: string[]; mentorPhone: string };
  expect(saved.mentoringGuidelines[1]).toBe('Taking part in mentoring is always your own choice.');
  expect(saved.mentorPhone).toBe('0116 496 0000');

  // A blank boundary is refused next to the item, and nothing is saved.
  const boundaries = page.getByRole('region', { name: 'Boundaries', exact: true });
  await boundaries.getByRole('button', { name: 'Add a boundary' }).click();
  await boundaries.getByRole('button', { name: 'Save boundaries' }).click();
  await expect(boundaries.getByText('A boundary cannot be blank: remove it instead')).toBeVisible();

  const logo = page.getByRole('region', { name: 'Provider logo' });
  await expect(logo.getByText('No logo: PDFs show your provider name only.')).toBeVisible();
  await logo.locator('input[type="file"]').setInputFiles(LOGO);
  const preview = logo.getByRole('img', { name: 'Your logo, as it appears on PDFs' });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(logo.getByRole('button', { name: 'Remove logo' })).toBeVisible();
});
