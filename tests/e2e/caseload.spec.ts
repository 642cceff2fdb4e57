// The caseload as a mentor works it: referrals with the 24-hour first contact, the student record
// and its validation, search, importing a list, and consent for health information. Every wait is on
// something visible; time moves only when the test moves both the backend's clock and the page's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test, type HarnessFixture } from './fixtures';
import { T0, nav, openVault, setTime, unlock } from './steps';

const HOUR = 60 * 60 * 1000;
const here = path.dirname(fileURLToPath(import.meta.url));

// A referral as a provider's office sends it: headers, labelled lines, a signature with the office's own number.
const REFERRAL_EMAIL = readFileSync(path.join(here, 'fixtures/referral-email.txt'), 'utf8');


async function seedStudent(harness: HarnessFixture, channel: 'students:create' | 'referrals:create', request: unknown): Promise<string> {
  const result = await harness.call(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return (result.data as { id: string }).id;
}

async function storedStudent(harness: HarnessFixture, id: string): Promise<{ supportNeeds: string; preferredName: string }> {
  const result = await harness.call('students:get', { id });
  if (!result.ok) throw new Error(`students:get failed: ${result.error.message}`);
  return result.data as { supportNeeds: string; preferredName: string };
}

async function onlyStudentId(harness: HarnessFixture): Promise<string> {
  const listed = await harness.call('students:list', {});
  if (!listed.ok) throw new Error(`students:list failed: ${listed.error.message}`);
  const students = listed.data as { id: string }[];
  expect(students).toHaveLength(1);
  return students[0]!.id;
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openStudent(page: Page, name: string): Promise<void> {
  await nav(page, 'Students').click();
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('a pasted referral becomes a referred student, due for first contact within 24 hours, overdue after, and contacted once the call is logged', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);

  await nav(page, 'New referral').click();
  await page.getByLabel('Referral email').fill(REFERRAL_EMAIL);
  await page.getByRole('button', { name: 'Fill in the form from the email' }).click();

  // What was read from the email is filled in and highlighted, for the mentor to check.
  await expect(page.getByRole('status').filter({ hasText: 'details found' })).toBeVisible();
  const fullName = page.getByLabel('Full name');
  await expect(fullName).toHaveValue('Zoë Okafor');
  await expect(fullName).toHaveAttribute('data-extracted', 'true');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('zoe.okafor@student.example.ac.uk');
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('07700 900123');
  await expect(page.getByLabel('Student number')).toHaveValue('20561234');
  // Health information from the email is shown but not kept in the record without consent.
  const needs = page.getByLabel('Support needs');
  await expect(needs).toHaveValue(/Autism spectrum condition/);
  await expect(needs).toBeDisabled();
  await expect(page.getByText(/kept only in the pasted referral text/)).toBeVisible();

  // The mentor corrects one detail before saving.
  await page.getByLabel('Preferred name').fill('Zoë');
  await page.getByLabel('Referred by').fill('Referrals Office');
  await page.getByRole('button', { name: 'Save referral' }).click();

  await expect(page.getByRole('heading', { name: 'Zoë Okafor', level: 1 })).toBeVisible();
  await expect(page.getByTestId('status-badge').first()).toHaveText('Referred');
  await expect(page.getByTestId('first-contact-state')).toContainText('24/11/2026 09:30');
  expect(await storedStudent(harness, await onlyStudentId(harness))).toMatchObject({ supportNeeds: '', preferredName: 'Zoë' });

  // The email opens in the mail app, addressed to the student, with the template's subject.
  const href = await page.getByRole('link', { name: 'Email student' }).getAttribute('href');
  expect(href).toMatch(/^mailto:zoe\.okafor@student\.example\.ac\.uk\?/);
  const mail = new URL(href ?? '');
  expect(mail.searchParams.get('subject')).toBe('Your mentoring support – arranging our first meeting');
  expect(mail.searchParams.get('body')).toContain('Dear Zoë,');
  expect(mail.searchParams.get('body')).toContain('call me on 0116 496 0000');

  await nav(page, 'Home').click();
  const item = page.getByTestId('first-contact-item').filter({ hasText: 'Zoë Okafor' });
  await expect(item).toHaveAttribute('data-state', 'waiting');
  await expect(item).toContainText('Due in 24 h');

  // The next morning: Mentor Desk has locked itself overnight, and the referral is overdue.
  await setTime(page, harness, T0 + 25 * HOUR);
  await unlock(page);
  await expect(item).toHaveAttribute('data-state', 'overdue');
  await expect(item).toContainText('Overdue by 1 h');

  await item.click();
  await expect(page.getByTestId('first-contact-state')).toHaveAttribute('data-state', 'overdue');
  const contact = page.getByRole('form', { name: 'Log a contact' });
  await expect(contact.getByRole('button', { name: 'When' })).toHaveText('24/11/2026 10:30');
  await choose(page, 'Method', 'Phone call');
  await choose(page, 'Outcome', 'Spoke with the student');
  await contact.getByLabel('Note').fill('Agreed to meet on Thursday');
  await contact.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByTestId('first-contact-state')).toHaveAttribute('data-state', 'contacted');
  await expect(page.getByRole('table', { name: 'Contact log' })).toContainText('Spoke with the student');
  await expect(page.getByTestId('first-contact-badge')).toHaveCount(0);

  const booking = page.getByRole('form', { name: 'Book the first session' });
  await booking.getByLabel('Session date').fill('26/11/2026');
  await booking.getByRole('spinbutton', { name: 'Hours' }).fill('14');
  await booking.getByRole('spinbutton', { name: 'Minutes' }).fill('30');
  await booking.getByLabel('Place').fill('Library room 3');
  await booking.getByRole('button', { name: 'Book first session' }).click();
  await expect(page.getByTestId('first-session')).toHaveText('First session booked: Thursday 26/11/2026 at 14:30, Library room 3');

  // Once the student consents, the support needs held in the referral email can come into the record.
  await page.getByRole('tab', { name: 'Consent' }).click();
  await choose(page, 'How it was given', 'Email');
  await page.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByText('Consent in force')).toBeVisible();
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByRole('button', { name: 'Use the support needs from the referral email' }).click();
  await expect(page.getByLabel('Support needs')).toHaveValue('Autism spectrum condition; anxiety around deadlines.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  expect((await storedStudent(harness, await onlyStudentId(harness))).supportNeeds).toBe('Autism spectrum condition; anxiety around deadlines.');

  await nav(page, 'Home').click();
  await expect(page.getByText('Your caseload')).toBeVisible();
  await expect(page.getByTestId('first-contact-item')).toHaveCount(0);
});

test('a student with a bad email and phone is not saved and keeps what was typed; once fixed it is saved, and a change shows in its history after a restart', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  await nav(page, 'Students').click();
  await page.getByRole('button', { name: 'Add student' }).first().click();
  const form = page.getByRole('dialog', { name: 'Add student' });
  await form.getByLabel('Full name').fill('Perpetua Quillfeather');
  await form.getByLabel('Preferred name').fill('Perp');
  await form.getByLabel('Email', { exact: true }).fill('perpetua@');
  await form.getByLabel('Phone', { exact: true }).fill('12345');
  await form.getByRole('button', { name: 'Save student' }).click();

  const email = form.getByLabel('Email', { exact: true });
  const phone = form.getByLabel('Phone', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/Enter a UK number/);
  await expect(form.getByRole('alert')).toContainText('Nothing has been saved yet');
  // Nothing saved, nothing lost.
  await expect(email).toHaveValue('perpetua@');
  await expect(phone).toHaveValue('12345');
  await expect(form.getByLabel('Full name')).toHaveValue('Perpetua Quillfeather');
  const listed = await harness.call('students:list', {});
  expect(listed.ok && listed.data).toEqual([]);

  await email.fill('perpetua@student.example.ac.uk');
  await phone.fill('07700 900456');
  await form.getByRole('button', { name: 'Save student' }).click();
  await expect(page.getByRole('heading', { name: 'Perpetua Quillfeather', level: 1 })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Details' }).getByText('perpetua@student.example.ac.uk')).toBeVisible();

  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Preferred name').fill('Pet');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  await expect(page.getByText('Prefers “Pet”')).toBeVisible();

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('tabpanel', { name: 'History' })).toContainText('Preferred name: Perp → Pet');

  // Quit and start again: the change and its history are still there.
  await harness.restart();
  await unlock(page);
  await openStudent(page, 'Perpetua Quillfeather');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('tabpanel', { name: 'History' })).toContainText('Preferred name: Perp → Pet');
});

test('searching “zoe” finds Zoë, and the caseload filters by status', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  await seedStudent(harness, 'students:create', { fullName: 'Zoë Ndlovu', institution: 'University of Leicester' });
  await seedStudent(harness, 'students:create', { fullName: 'Marcus Webb', institution: 'De Montfort University' });
  await seedStudent(harness, 'referrals:create', { student: { fullName: 'Zoe Clarke', institution: 'De Montfort University' }, receivedAt: T0 - HOUR });

  await nav(page, 'Students').click();
  const count = page.getByTestId('caseload-count');
  const table = page.getByRole('table', { name: 'Students' });
  await expect(count).toHaveText('3 students');

  await page.getByLabel('Search', { exact: true }).fill('zoe');
  await expect(count).toHaveText('2 students match');
  await expect(table.getByRole('row', { name: /Zoë Ndlovu/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Zoe Clarke/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Marcus Webb/ })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Referred' }).click();
  await page.keyboard.press('Escape');
  await expect(count).toHaveText('1 student match');
  await expect(table.getByRole('row', { name: /Zoe Clarke/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Zoë Ndlovu/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(count).toHaveText('1 student match');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(count).toHaveText('3 students');

  // Opening a student and coming back keeps the search.
  await page.getByLabel('Search', { exact: true }).fill('webb');
  await expect(count).toHaveText('1 student match');
  await page.getByRole('button', { name: 'Marcus Webb' }).click();
  await expect(page.getByRole('heading', { name: 'Marcus Webb', level: 1 })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue('webb');
  await expect(count).toHaveText('1 student match');
});

test('a CSV with one bad row: the preview shows the row and why, and the import adds the good rows and lists the bad one', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  await nav(page, 'Students').click();
  await page.getByRole('button', { name: 'Import from CSV' }).first().click();
  await page.locator('input[type=file]').setInputFiles(path.join(here, 'fixtures/students-one-bad-row.csv'));

  await expect(page.getByTestId('import-summary')).toHaveText('3 rows in the file: 2 students ready to import, 1 row with problems.');
  await expect(page.getByRole('combobox', { name: 'Import column “Email Address” as' })).toHaveValue('Email');
  const sample = page.getByRole('table', { name: 'Rows as they will be imported' });
  await expect(sample).toContainText('Grace Hopper');
  await expect(sample).toContainText('Katherine Johnson');
  await expect(sample).not.toContainText('Alan Turing');
  await expect(page.getByTestId('bad-rows')).toContainText('Row 3:');
  await expect(page.getByTestId('bad-rows')).toContainText('Enter a valid email address');

  // A column left out is checked again at once.
  await page.getByRole('combobox', { name: 'Import column “Hours” as' }).click();
  await page.getByRole('option', { name: 'Don’t import' }).click();
  await expect(sample.getByRole('row', { name: /Grace Hopper/ })).not.toContainText('30');

  await page.getByRole('button', { name: 'Import 2 students' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 students' })).toBeVisible();
  await expect(page.getByTestId('bad-rows')).toContainText('Row 3:');

  await page.getByRole('button', { name: 'Go to students' }).click();
  const table = page.getByRole('table', { name: 'Students' });
  await expect(table.getByRole('row', { name: /Grace Hopper/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Katherine Johnson/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Alan Turing/ })).toHaveCount(0);
  await expect(page.getByTestId('caseload-count')).toHaveText('2 students');
});

test('support needs stay locked until the student’s consent is recorded, and withdrawing consent clears them', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  const id = await seedStudent(harness, 'students:create', { fullName: 'Ife Adeyemi', email: 'ife@student.example.ac.uk' });
  await openStudent(page, 'Ife Adeyemi');

  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(page.getByLabel('Support needs')).toBeDisabled();
  await expect(page.getByLabel('Support needs')).toHaveAccessibleDescription('Record the student’s consent to keep health and disability information first.');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('tab', { name: 'Consent' }).click();
  await choose(page, 'How it was given', 'Signed form');
  await page.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByText('Consent in force')).toBeVisible();
  await expect(page.getByText(/Given 23\/11\/2026 \(signed form\): /)).toBeVisible();

  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(page.getByLabel('Support needs')).toBeEnabled();
  await page.getByLabel('Support needs').fill('Dyslexia: extra time to read written feedback.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  // Saved: the form gives way to the details as stored.
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Dyslexia: extra time to read written feedback.' })).toBeVisible();
  expect((await storedStudent(harness, id)).supportNeeds).toBe('Dyslexia: extra time to read written feedback.');

  await page.getByRole('tab', { name: 'Consent' }).click();
  await page.getByRole('button', { name: 'Record withdrawal…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Withdraw consent?' });
  await expect(confirm).toContainText('clears');
  await confirm.getByRole('button', { name: 'Withdraw consent and clear support needs' }).click();
  await expect(page.getByText('No consent on record', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Details' }).click();
  const details = page.getByRole('tabpanel', { name: 'Details' });
  await expect(details.getByText('Not kept: no consent on record.')).toBeVisible();
  await expect(details.getByText('Dyslexia: extra time to read written feedback.')).toHaveCount(0);
  expect((await storedStudent(harness, id)).supportNeeds).toBe('');
});

test('records past the retention period are listed as due for deletion and erased with the typed confirmation', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  await seedStudent(harness, 'students:create', { fullName: 'Olwen Price', institution: 'University of Leicester' });
  const tomaszId = await seedStudent(harness, 'referrals:create', { student: { fullName: 'Tomasz Nowak' }, receivedAt: T0 });
  // Tomasz was last contacted two years later, so his six years run from then.
  await setTime(page, harness, T0 + 2 * 365 * 24 * HOUR);
  await unlock(page);
  const logged = await harness.call('referrals:logContact', { studentId: tomaszId, contact: { at: T0 + 2 * 365 * 24 * HOUR, method: 'email', outcome: 'replied' } });
  expect(logged.ok).toBe(true);

  await setTime(page, harness, T0 + (6 * 365 + 3) * 24 * HOUR);
  await unlock(page);
  await expect(page.getByRole('alert').filter({ hasText: '1 record due for deletion' })).toBeVisible();
  await page.getByRole('button', { name: 'Review due for deletion' }).click();
  const due = page.getByRole('table', { name: 'Due for deletion' });
  await expect(due.getByRole('row', { name: /Olwen Price/ })).toBeVisible();
  await expect(due.getByRole('row', { name: /Tomasz Nowak/ })).toHaveCount(0);

  await due.getByRole('button', { name: 'Delete student Olwen Price' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this student?' });
  await confirm.getByLabel('Type the student’s full name to confirm').fill('Olwen Price');
  await confirm.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByText('Nothing is due for deletion')).toBeVisible();
  await nav(page, 'Students').click();
  await expect(page.getByTestId('caseload-count')).toHaveText('1 student');
});
