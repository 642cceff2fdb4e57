// Sessions: booked on the profile, recorded at the end (timesheet and progress log with the
// student's feedback), signed by both in signing mode (the student never before the recorded end),
// counted against the support hours, cancelled late, and exported as the month's timesheet.
import { execFileSync } from 'node:child_process';
import type { Locator } from '@playwright/test';
import { contentHash } from '../../shared/domain/canonical';
import { currentVersion } from '../../shared/domain/signing';
import type { Session } from '../../shared/schemas/session';
import { expect, test, type HarnessFixture } from './fixtures';
import { KDF_TIMEOUT, PASSPHRASE, T0, lockButton, nav, openVault, setTime, signOnPad } from './steps';

const MINUTE = 60_000;
const SHOTS = process.env.SESSIONS_SCREENSHOTS;

test('a session is booked, recorded with feedback, refused the student’s signature before its end, signed by both, counted in the hours, and listed on the month’s timesheet', async ({ page, harness }) => {
  // Two passphrase checks to leave signing mode and two PDFs: longer than the default minute on a busy machine.
  test.setTimeout(150_000);
  await setTime(page, harness, T0); // Monday 23/11/2026 09:30
  await openVault(page, harness);
  // The session's end is 80 minutes on: longer than the usual auto-lock, which is not what this test is about.
  const settings = await harness.call('settings:get', {});
  if (!settings.ok) throw new Error(settings.error.message);
  await harness.call('settings:save', { ...(settings.data as object), autoLockMinutes: 240 });
  const created = await harness.call('students:create', { fullName: 'Priya Shah', allocatedHours: 2, hoursDeadline: '2027-06-30' });
  if (!created.ok) throw new Error(created.error.message);
  const studentId = (created.data as { id: string }).id;
  // October's session, held and signed: 30 minutes used, and on October's timesheet, not November's.
  await seedSignedSession(harness, studentId, { date: '2026-10-20', start: '14:00', end: '14:30' });

  await nav(page, 'Students').click();
  await page.getByRole('button', { name: 'Priya Shah', exact: true }).click();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  const hours = page.getByRole('region', { name: 'Support hours' });
  await expect(hours).toContainText('To be used by 30/06/2027');
  await expect(page.getByTestId('hours-used')).toHaveText('0.5 h');
  await expect(page.getByTestId('hours-remaining')).toHaveText('1.5 h');

  // Booked half an hour ahead: booked, with the short-notice warning.
  await page.getByRole('button', { name: 'Book a session' }).click();
  const bookForm = page.getByRole('form', { name: 'Book a session' });
  await bookForm.getByLabel('Date').fill('23/11/2026');
  await fillTime(bookForm, 'Start time', '10:00');
  await bookForm.getByLabel('Planned length (minutes)').fill('60');
  await bookForm.getByLabel('Place').fill('Library room 3');
  await bookForm.getByRole('button', { name: 'Book session' }).click();
  await expect(page.getByTestId('booking-warning')).toContainText('Booked less than 24 hours ahead');
  await expect(page.getByTestId('hours-booked')).toHaveText('1.0 h');
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Monday 23/11/2026');
  await expect(rows.nth(1).getByTestId('session-status')).toHaveText('Booked');
  await expect(rows.nth(0).getByTestId('session-status')).toHaveText('Signed by both');

  // The record: the duration follows the times typed; ending early asks for a reason and the student's confirmation.
  await page.getByRole('button', { name: 'Open the session on Monday 23/11/2026 at 10:00' }).click();
  const record = page.getByRole('form', { name: 'Session record' });
  await expect(page.getByTestId('record-duration')).toContainText('1 h');
  await fillTime(record, 'Actual end', '10:45');
  await expect(page.getByTestId('record-duration')).toContainText('45 min');
  await expect(record.getByText('The session ended 15 min early')).toBeVisible();
  await record.getByRole('button', { name: 'Save record' }).click();
  await expect(record.getByText('Tick at least one area discussed')).toBeVisible();
  await expect(record.getByText('Say why the session ended early')).toBeVisible();

  await record.getByLabel('Why it ended early').fill('Priya had to go to a lecture that was moved');
  await record.getByLabel('The student confirms the session ended early').check();
  const areas = record.getByRole('group', { name: 'Areas discussed' });
  await areas.getByText('Academic', { exact: true }).click();
  await areas.getByText('Disability-related', { exact: true }).click();
  await expect(areas.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await record.getByLabel('Strategies used').click();
  await page.getByRole('option', { name: 'Time management' }).click();
  await record.getByLabel('Notes').click();
  await record.getByLabel('Notes').fill('Planned the history essay in three stages.');
  await record.getByRole('button', { name: 'Add an action' }).click();
  const action = record.getByRole('group', { name: 'Action 1' });
  await action.getByLabel('What').fill('Write the essay plan');
  await action.getByLabel('By').fill('27/11/2026');
  await expect(page.getByTestId('record-save-state')).toContainText('Unsaved changes');
  // The student's feedback is part of what both sign.
  // The stars are radio buttons under their symbols (Mantine's Rating): chosen here from the keyboard.
  await record.getByRole('radio', { name: '4 stars' }).press('Enter');
  await expect(record.getByTestId('feedback-rating')).toHaveText('4 of 5');
  await record.getByLabel('The student’s comment').fill('Helpful, the plan makes it less scary');
  if (SHOTS) await record.screenshot({ path: `${SHOTS}/record-form.png` });
  await record.getByRole('button', { name: 'Save record' }).click();
  await expect(page.getByTestId('record-save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('session-state')).toHaveText('Awaiting signatures');

  // Before 10:45 the student's signature is refused, and the pad says why.
  await page.getByRole('button', { name: 'Sign as student…' }).click();
  await expect(page.getByTestId('signing-mode')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const document = page.getByRole('document', { name: 'Session record' });
  await expect(document).toContainText('Planned the history essay in three stages.');
  await expect(document).toContainText('Helpful, the plan makes it less scary');
  await expect(document).toContainText('45 min (planned 1 h)');
  await signOnPad(page, 'Priya Shah');
  await expect(page.getByRole('alert').filter({ hasText: 'The student cannot sign before the session\'s recorded end time (10:45)' })).toBeVisible();
  await expect(page.getByTestId('agreement-signatures')).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/signing-refused.png`, fullPage: true });

  // At 10:50 the same signature goes through; the mentor signs straight after.
  await setTime(page, harness, T0 + 80 * MINUTE);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByRole('button', { name: 'Confirm signature' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Signed by the student' })).toBeVisible();
  await page.getByRole('button', { name: 'Mentor signs now' }).click();
  await signOnPad(page, 'Sam Mentor');
  await expect(page.getByRole('status').filter({ hasText: 'Everyone has signed this document.' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await page.getByLabel('Mentor’s passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Leave signing mode' }).click();
  await expect(lockButton(page)).toBeVisible(KDF_TIMEOUT);

  // Back on the same session: signed by both, read-only, and 45 minutes more used.
  await expect(page.getByTestId('session-state')).toHaveText('Signed by both');
  await expect(page.getByRole('button', { name: 'Make an amendment' })).toBeVisible();
  await expect(page.getByTestId('agreement-signatures')).toContainText('Priya Shah');
  await expect(page.getByTestId('hours-used')).toHaveText('1.3 h');
  await expect(page.getByTestId('hours-warning-used-80')).toHaveCount(0);
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.getByText(/^Saved to .*Progress log - Priya Shah - 2026-11-23\.pdf$/)).toBeVisible(KDF_TIMEOUT);

  // Tomorrow's session, cancelled by the student less than a day ahead: late, and it uses its 30 minutes.
  await page.getByRole('button', { name: 'All sessions' }).click();
  await page.getByRole('button', { name: 'Book a session' }).click();
  await bookForm.getByLabel('Date').fill('24/11/2026');
  await fillTime(bookForm, 'Start time', '10:00');
  await bookForm.getByLabel('Planned length (minutes)').fill('30');
  await bookForm.getByLabel('How').click();
  await page.getByRole('option', { name: 'Phone' }).click();
  await bookForm.getByRole('button', { name: 'Book session' }).click();
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Open the session on Tuesday 24/11/2026 at 10:00' }).click();
  await page.getByRole('button', { name: 'Cancel session…' }).click();
  const cancel = page.getByRole('form', { name: 'Cancel the session' });
  await cancel.getByLabel('Reason').fill('Feeling unwell');
  await cancel.getByRole('button', { name: 'Cancel the session' }).click();
  const result = page.getByTestId('cancel-result');
  await expect(result).toContainText('Cancelled late: this uses 0.5 hours of the student’s hours.');
  await expect(page.getByTestId('session-state')).toHaveText('Cancelled late');
  await result.getByRole('button', { name: 'Book another session' }).click();
  await expect(bookForm.getByLabel('Planned length (minutes)')).toHaveValue('30');
  await bookForm.getByRole('button', { name: 'Cancel', exact: true }).click();

  // 105 of 120 minutes used: the 80% warning.
  await expect(page.getByTestId('hours-used')).toHaveText('1.8 h');
  await expect(page.getByTestId('hours-warning-used-80')).toContainText('80% or more of the hours are used (1.8 hours of 2.0 hours): 0.3 hours remain');
  await expect(page.getByTestId('session-state')).toHaveText('Cancelled late');
  await page.getByRole('button', { name: 'All sessions' }).click();
  await expect(rows.nth(2)).toContainText('Counts against hours');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sessions-tab.png`, fullPage: true });

  // November's timesheet: the session held and the late cancellation, not October's session.
  await page.getByRole('button', { name: 'Export timesheet' }).click();
  const saved = page.getByText(/^Saved to .*Timesheet - Priya Shah - 2026-11\.pdf$/);
  await expect(saved).toBeVisible(KDF_TIMEOUT);
  const path = (await saved.innerText()).replace(/^Saved to /, '');
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('November 2026');
  expect(text).toContain('Monday 23/11/2026');
  expect(text).toContain('10:00–10:45');
  expect(text).toContain('Tuesday 24/11/2026');
  expect(text).toMatch(/Tuesday 24\/11\/2026 10:00 30 min Phone Cancelled late .*\(counts\)/);
  expect(text).toContain('Hours charged this month 1.3 hours');
  expect(text).not.toContain('20/10/2026');
  if (SHOTS) execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', path, `${SHOTS}/timesheet`]);

  // The caseload shows the hours with a warning icon.
  await nav(page, 'Students').click();
  await expect(page.getByTestId('caseload-hours')).toContainText('1.8 of 2 hours used');
  await expect(page.getByTestId('hours-warning-icon')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/caseload.png` });

  // Changing the signed record makes an amendment: until both sign it again its time is not counted as used.
  await page.getByRole('button', { name: 'Priya Shah', exact: true }).click();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByRole('button', { name: 'Open the session on Monday 23/11/2026 at 10:00' }).click();
  await page.getByRole('button', { name: 'Make an amendment' }).click();
  await expect(record.getByText('Saving a change makes an amendment')).toBeVisible();
  await record.getByLabel('Notes').fill('Planned the history essay in three stages, and the reading for it.');
  await record.getByRole('button', { name: 'Save as an amendment' }).click();
  await expect(page.getByTestId('session-state')).toHaveText('Awaiting signatures');
  await expect(page.getByText(/^Amendment 1, written 23\/11\/2026/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign as student…' })).toBeVisible();
  await expect(page.getByTestId('hours-used')).toHaveText('1.0 h');
});

test('a student who did not attend uses the hours; the mentor’s own cancellation does not, and both stay on the list', async ({ page, harness }) => {
  await setTime(page, harness, T0); // Monday 23/11/2026 09:30
  await openVault(page, harness);
  const created = await harness.call('students:create', { fullName: 'Tom Baker', allocatedHours: 10, hoursDeadline: '2027-06-30' });
  if (!created.ok) throw new Error(created.error.message);

  await nav(page, 'Students').click();
  await page.getByRole('button', { name: 'Tom Baker', exact: true }).click();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect(page.getByText('No sessions booked yet.')).toBeVisible();

  // Entered after the time: booked, with the warning that it is in the past.
  const bookForm = page.getByRole('form', { name: 'Book a session' });
  await page.getByRole('button', { name: 'Book a session' }).click();
  await bookForm.getByLabel('Date').fill('23/11/2026');
  await fillTime(bookForm, 'Start time', '09:00');
  await bookForm.getByRole('button', { name: 'Book session' }).click();
  await expect(page.getByTestId('booking-warning')).toContainText('This booking starts in the past');

  await page.getByRole('button', { name: 'Open the session on Monday 23/11/2026 at 09:00' }).click();
  await page.getByRole('button', { name: 'Cancel session…' }).click();
  const cancel = page.getByRole('form', { name: 'Cancel the session' });
  await cancel.getByLabel('The student did not attend (no cancellation)').check();
  await cancel.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(page.getByTestId('cancel-result')).toContainText('Did not attend: this uses 1.0 hours of the student’s hours.');
  await expect(page.getByTestId('hours-used')).toHaveText('1.0 h');

  // Next week's session, cancelled by the mentor: no hours used.
  await page.getByRole('button', { name: 'All sessions' }).click();
  await page.getByRole('button', { name: 'Book a session' }).click();
  await bookForm.getByLabel('Date').fill('30/11/2026');
  await fillTime(bookForm, 'Start time', '14:00');
  await bookForm.getByRole('button', { name: 'Book session' }).click();
  await expect(page.getByTestId('booking-warning')).toHaveCount(0);
  await expect(page.getByTestId('hours-booked')).toHaveText('1.0 h');
  await page.getByRole('button', { name: 'Open the session on Monday 30/11/2026 at 14:00' }).click();
  await page.getByRole('button', { name: 'Cancel session…' }).click();
  await cancel.getByLabel('You (the mentor)').check();
  await expect(cancel.getByLabel('The student did not attend (no cancellation)')).toHaveCount(0);
  await cancel.getByLabel('Reason').fill('Training day');
  await cancel.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(page.getByTestId('cancel-result')).toContainText('Cancelled with notice: this does not use the student’s hours.');
  await expect(page.getByTestId('hours-used')).toHaveText('1.0 h');
  await expect(page.getByTestId('hours-booked')).toHaveText('0.0 h');

  // Reopened later, a cancelled session says who, when and what it cost.
  await page.getByRole('button', { name: 'All sessions' }).click();
  const rows = page.getByTestId('session-row');
  await expect(rows.nth(0).getByTestId('session-status')).toHaveText('Did not attend');
  await expect(rows.nth(0)).toContainText('Counts against hours');
  await expect(rows.nth(1).getByTestId('session-status')).toHaveText('Cancelled with notice');
  await expect(rows.nth(1)).not.toContainText('Counts against hours');
  await page.getByRole('button', { name: 'Open the session on Monday 30/11/2026 at 14:00' }).click();
  await expect(page.getByText('By the mentor on 23/11/2026 09:30: Training day. It does not use the student’s hours.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel session…' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Session record' })).toHaveCount(0);
});

/** Types a time into a 24-hour time field: its hour box, then its minute box. */
async function fillTime(scope: Locator, label: string, time: string): Promise<void> {
  const [hours, minutes] = time.split(':') as [string, string];
  await scope.getByRole('spinbutton', { name: `${label}, hours` }).fill(hours);
  await scope.getByRole('spinbutton', { name: `${label}, minutes` }).fill(minutes);
}

/** A session held and signed by both, set up through the backend: its own flow is the test above. */
async function seedSignedSession(harness: HarnessFixture, studentId: string, at: { date: string; start: string; end: string }): Promise<void> {
  const booked = await harness.call('sessions:book', { studentId, booking: { date: at.date, start: at.start, plannedMinutes: 30, mode: 'campus', place: 'Library room 1' } });
  if (!booked.ok) throw new Error(booked.error.message);
  const sessionId = (booked.data as { session: Session }).session.id;
  const recorded = await harness.call('sessions:record', {
    studentId,
    sessionId,
    draft: {
      date: at.date, actualStart: at.start, actualEnd: at.end, durationMinutes: 30, mode: 'campus', place: 'Library room 1', areas: ['academic'],
      strategies: [], goalIds: [], notes: 'October session', actions: [], nextSession: null, endedEarly: null, feedback: null,
    },
  });
  if (!recorded.ok) throw new Error(recorded.error.message);
  const hash = contentHash(currentVersion((recorded.data as Session).record!).content);
  for (const [role, signerName] of [['student', 'Priya Shah'], ['mentor', 'Sam Mentor']] as const) {
    const signed = await harness.call('sessions:sign', {
      studentId,
      sessionId,
      signature: { role, signerName, signedAt: T0, contentHash: hash, width: 400, height: 150, strokes: [[{ x: 10, y: 100 }, { x: 60, y: 40 }, { x: 120, y: 110 }]] },
    });
    if (!signed.ok) throw new Error(signed.error.message);
  }
}
