// The calendar: the home screen's "coming up" in January shows the Rate your Support deadline (the
// last working day of January), overdue first; the month and agenda views; the .ics export.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { KDF_TIMEOUT, nav, openVault, setTime } from './steps';

// Wednesday 20 January 2027, 10:00 in London.
const JANUARY = Date.UTC(2027, 0, 20, 10, 0);

test('in January the home screen shows the Rate your Support deadline; a missed deadline is ticked off; the month view shows bank holidays and sessions; the deadlines export as .ics', async ({ page, harness }) => {
  await setTime(page, harness, JANUARY);
  await openVault(page, harness);
  const created = await harness.call('students:create', { fullName: 'Łukasz Nowak' });
  if (!created.ok) throw new Error(created.error.message);
  const studentId = (created.data as { id: string }).id;
  const booked = await harness.call('sessions:book', { studentId, booking: { date: '2027-01-25', start: '14:00', plannedMinutes: 60, mode: 'campus', place: 'Library' } });
  if (!booked.ok) throw new Error(booked.error.message);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Coming up' })).toBeVisible(KDF_TIMEOUT);

  // Overdue first: December's timesheets; then the survey due on Friday 29 January.
  const overdue = page.getByLabel('Overdue');
  await expect(overdue).toContainText('Submit timesheets');
  await expect(overdue).toContainText('20 days late');
  const due = page.getByLabel('Due in the next two weeks');
  await expect(due.getByText('Rate your Support survey')).toBeVisible();
  await expect(due).toContainText('in 9 days');
  await expect(due).toContainText('29/01/2027');
  await expect(due).toContainText('Session with Łukasz Nowak');

  // Ticking off the missed deadline takes it off the list, and it stays off after a reload.
  // Only last Friday's availability email is overdue, not every Friday's since November.
  await expect(overdue.getByText('Send weekly availability to the coordinator')).toHaveCount(1);
  await overdue.getByRole('checkbox', { name: /Submit timesheets, due 31\/12\/2026: done/ }).click();
  await expect(overdue).not.toContainText('Submit timesheets');
  // Undo brings it back; tick it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(overdue).toContainText('Submit timesheets');
  await overdue.getByRole('checkbox', { name: /Submit timesheets/ }).click();
  await expect(overdue).not.toContainText('Submit timesheets');
  await page.reload();
  await expect(page.getByLabel('Due in the next two weeks')).toContainText('Rate your Support survey', KDF_TIMEOUT);
  await expect(page.getByLabel('Overdue')).not.toContainText('Submit timesheets');

  // The month view: bank holidays, the session, the survey deadline; picking a day lists it.
  await nav(page, 'Calendar').click();
  await expect(page.getByRole('heading', { name: 'January 2027' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^2027-01-01, New Year's Day/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^2027-01-25, 1 entry/ })).toContainText('14:00 Session with Łukasz Nowak');
  await page.getByRole('button', { name: 'Show 2027-01-29 in the agenda' }).click();
  const agenda = page.getByRole('region', { name: 'Agenda entries' });
  await expect(agenda).toContainText('Rate your Support survey');
  await expect(agenda).toContainText('(opened 01/11/2026)');
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByRole('heading', { name: 'February 2027' })).toBeVisible();

  // The .ics export of the deadlines, without student names.
  await page.getByRole('button', { name: 'Export to my calendar app…' }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const saved = page.getByText(/^Saved to .+\.ics\./);
  await expect(saved).toBeVisible(KDF_TIMEOUT);
  const path = (await saved.innerText()).replace(/^Saved to /, '').replace(/\.ics\..*$/, '.ics');
  const ics = await readFile(path, 'utf8');
  expect(ics).toContain('SUMMARY:Rate your Support survey');
  expect(ics).toContain('DTSTART;VALUE=DATE:20270129');
  expect(ics).not.toContain('Nowak');
});

test('the provider’s own deadline added in Settings appears on the calendar, and a switched-off one disappears', async ({ page, harness }) => {
  await setTime(page, harness, JANUARY);
  await openVault(page, harness);
  await nav(page, 'Settings').click();
  const deadlines = page.getByRole('table', { name: 'Deadlines' });
  await expect(deadlines).toContainText('Opens 1st November; due the last working day of January');
  await // Mantine draws the switch's track over its (hidden) input; the track is what a user clicks.
  await deadlines.getByRole('switch', { name: 'Send weekly availability to the coordinator: on the calendar' }).uncheck({ force: true });
  await page.getByRole('button', { name: 'Add a deadline' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deadline' });
  await dialog.getByRole('button', { name: 'Keep this deadline' }).click();
  await expect(dialog.getByText('A title is required')).toBeVisible();
  await dialog.getByLabel('Title').fill('Send DSA invoices');
  await dialog.getByRole('combobox', { name: 'When it falls' }).click();
  await page.getByRole('option', { name: 'A date each year' }).click();
  await dialog.getByRole('combobox', { name: 'Day', exact: true }).click();
  await page.getByRole('option', { name: '26', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Month', exact: true }).click();
  await page.getByRole('option', { name: 'January' }).click();
  await dialog.getByRole('button', { name: 'Keep this deadline' }).click();
  await expect(deadlines).toContainText('26th January each year, or the working day before');
  await page.getByRole('button', { name: 'Save deadlines' }).click();
  await expect(page.getByText('The calendar now follows these deadlines.')).toBeVisible();

  await nav(page, 'Calendar').click();
  await expect(page.getByRole('group', { name: /^2027-01-26/ })).toContainText('Send DSA invoices');
  await expect(page.getByRole('group', { name: /^2027-01-22/ })).not.toContainText('Send weekly');
});
