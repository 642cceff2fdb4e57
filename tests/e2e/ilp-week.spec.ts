// The Individual Learning Plan (goals, signing in signing mode, a review making a new version to sign,
// the PDF), deferring and closing a student, and the mentor's week with the availability email.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test, type HarnessFixture } from './fixtures';
import { KDF_TIMEOUT, T0, leaveSigningMode, nav, openVault, setTime, signOnPad } from './steps';

async function createStudent(harness: HarnessFixture, draft: Record<string, unknown>): Promise<string> {
  const created = await harness.call('students:create', draft);
  if (!created.ok) throw new Error(created.error.message);
  return (created.data as { id: string }).id;
}

async function openStudent(page: Page, name: string, tab: string) {
  await nav(page, 'Students').click();
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a learning plan with two goals is signed by both in signing mode, a review makes a new version to sign, and the PDF has the goals and both signers', async ({ page, harness }) => {
  // Two rounds of signing, each left with the passphrase (a deliberately slow key derivation).
  test.setTimeout(150_000);
  await setTime(page, harness, T0);
  await openVault(page, harness);
  await createStudent(harness, { fullName: 'Aisha Khan', studentNumber: 'S0000101', email: 'aisha@example.ac.uk' });

  await openStudent(page, 'Aisha Khan', 'Learning plan');
  await page.getByRole('button', { name: 'Start the learning plan' }).click();
  await expect(page.getByRole('heading', { name: 'Individual Learning Plan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign as student…' })).toBeDisabled();

  await page.getByLabel('Strengths').fill('Curious; asks good questions');
  await page.getByLabel('Barriers to learning').fill('Loses track of deadlines');

  // A goal without its "what" is refused next to the field.
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('group', { name: 'Goal 1' }).getByText('What the goal is is required')).toBeVisible();

  await page.getByLabel('Goal 1: what the goal is').fill('Hand in every essay on time this term');
  await page.getByLabel('Goal 1: why it matters').fill('Late penalties cost marks');
  await page.getByLabel('Goal 1: how we will know it is met').fill('No late submissions by January');
  await page.getByRole('textbox', { name: 'Goal 1: target date' }).fill('18/12/2026');
  await page.keyboard.press('Tab');
  await chooseOption(page, 'Goal 1: strategies', 'Time management');
  await chooseOption(page, 'Goal 1: strategies', 'Planning');
  await page.keyboard.press('Escape');
  await chooseOption(page, 'Goal 1: status', 'In progress');

  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByLabel('Goal 2: what the goal is').fill('Join one study group');
  await chooseOption(page, 'Goal 2: strategies', 'Motivation and confidence');
  await page.keyboard.press('Escape');
  // A third goal, added by mistake and removed.
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByRole('button', { name: 'Remove goal 3' }).click();
  await expect(page.getByRole('group', { name: /^Goal \d$/ })).toHaveCount(2);

  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByText('The learning plan was saved.')).toBeVisible();
  await expect(page.getByTestId('goal-count').first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Goals: 1 not started, 1 in progress' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('ilp-tab.png'), fullPage: true });

  // The student signs in signing mode, then the mentor.
  await page.getByRole('button', { name: 'Sign as student…' }).click();
  await expect(page.getByTestId('signing-mode')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const document = page.getByRole('document', { name: 'Individual Learning Plan' });
  await expect(document).toContainText('Hand in every essay on time this term');
  await expect(document).toContainText('Time management; Planning');
  await expect(page.getByLabel('Printed name')).toHaveValue('Aisha Khan');
  await signOnPad(page, 'Aisha Khan');
  await expect(page.getByRole('status').filter({ hasText: 'Signed by the student' })).toBeVisible();
  await page.getByRole('button', { name: 'Mentor signs now' }).click();
  await signOnPad(page, 'Sam Mentor');
  await expect(page.getByRole('status').filter({ hasText: 'Everyone has signed this document.' })).toBeVisible();
  await leaveSigningMode(page);
  await expect(page.getByTestId('ilp-state')).toHaveText('Complete');
  await expect(page.getByRole('document', { name: 'Individual Learning Plan' })).toContainText('Join one study group');
  await page.screenshot({ path: test.info().outputPath('ilp-signed.png'), fullPage: true });

  // A review makes a new version awaiting both signatures; the signed original stays on file.
  await page.getByRole('button', { name: 'Record a review…' }).click();
  const review = page.getByRole('dialog', { name: 'Record a review' });
  await review.getByLabel('Outcome').fill('Essay plan working; keep the study group goal');
  await review.getByRole('textbox', { name: 'Next review' }).fill('15/01/2027');
  await page.keyboard.press('Tab');
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(page.getByTestId('ilp-state')).toHaveText('Awaiting signatures');
  await expect(page.getByTestId('ilp-version')).toContainText('Amendment 1');
  await expect(page.getByText('This amendment changes the next review date, reviews.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reviews' })).toContainText('Essay plan working');
  const earlier = page.getByTestId('earlier-versions');
  await expect(earlier).toContainText('Original version · signed by student and mentor');
  await earlier.getByRole('button', { name: /Original version/ }).click();
  await expect(earlier.getByRole('document', { name: 'Original version of the learning plan' })).toContainText('No review held yet.');
  await page.screenshot({ path: test.info().outputPath('ilp-amendment.png'), fullPage: true });
  await expect(page.getByRole('button', { name: 'Sign as student…' })).toBeEnabled();

  // Both sign the amendment; its PDF has the goals, the review and both signers.
  await page.getByRole('button', { name: 'Sign as student…' }).click();
  await signOnPad(page, 'Aisha Khan');
  await page.getByRole('button', { name: 'Mentor signs now' }).click();
  await signOnPad(page, 'Sam Mentor');
  await leaveSigningMode(page);
  await expect(page.getByTestId('ilp-state')).toHaveText('Complete');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const saved = page.getByText(/^Saved to .+\.pdf$/);
  await expect(saved).toBeVisible(KDF_TIMEOUT);
  const path = (await saved.innerText()).replace(/^Saved to /, '');
  expect(path).toBe(`${harness.dataDir}-exports/ILP - Aisha Khan - 2026-11-23.pdf`);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Goal 1: Hand in every essay on time this term');
  expect(text).toContain('Goal 2: Join one study group');
  expect(text).toContain('Time management; Planning');
  expect(text).toContain('Essay plan working');
  expect(text).toContain('Aisha Khan');
  expect(text).toContain('Sam Mentor');
  expect(text).toMatch(/Student · signed 23 November 2026/);
  expect(text).toMatch(/Mentor · signed 23 November 2026/);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', path, test.info().outputPath('ilp-pdf')]);
});

test('deferring a student sets the status and the new deadline; closing asks for the final review date, then completes and makes a completion pack', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  await createStudent(harness, { fullName: 'Ben Carter', studentNumber: 'S0000102', allocatedHours: 20, hoursDeadline: '2027-06-30' });
  await openStudent(page, 'Ben Carter', 'Status');
  await expect(page.getByTestId('hours-deadline')).toHaveText('Hours to be used by 30/06/2027');

  await page.getByRole('button', { name: 'Defer support…' }).click();
  const defer = page.getByRole('dialog', { name: 'Defer support' });
  await defer.getByRole('textbox', { name: 'New hours deadline' }).fill('20/11/2026');
  await page.keyboard.press('Tab');
  await defer.getByRole('button', { name: 'Defer support' }).click();
  await expect(defer.getByText('The new deadline must come after the date support is paused from')).toBeVisible();
  await defer.getByRole('textbox', { name: 'New hours deadline' }).fill('31/12/2027');
  await page.keyboard.press('Tab');
  await defer.getByLabel('Extra hours agreed with the office').fill('5');
  await defer.getByLabel('Note').fill('Medical leave agreed with the office');
  await defer.getByRole('button', { name: 'Defer support' }).click();
  await expect(defer).toHaveCount(0);
  await expect(page.getByTestId('status-badge').first()).toHaveText('Deferred');
  await expect(page.getByTestId('hours-deadline')).toContainText('Hours to be used by 31/12/2027');

  // Back to active, then closing: the final review date is required.
  await page.getByRole('combobox', { name: 'New status' }).click();
  await page.getByRole('option', { name: 'Active', exact: true }).click();
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByTestId('status-badge').first()).toHaveText('Active');
  await harness.call('sessions:book', { studentId: (await studentIdByName(harness, 'Ben Carter')), booking: { date: '2026-11-26', start: '10:00', plannedMinutes: 60, mode: 'campus', place: 'Library' } });

  await page.getByRole('button', { name: 'Close (completed)…' }).click();
  const close = page.getByRole('dialog', { name: 'Close mentoring (completed)' });
  await close.getByLabel('Final grade or outcome').fill('2:1');
  await close.getByRole('button', { name: 'Close mentoring' }).click();
  await expect(close.getByText(/Enter the date of the final review meeting/)).toBeVisible();
  await close.getByRole('textbox', { name: 'Final review meeting held on' }).fill('23/11/2026');
  await page.keyboard.press('Tab');
  await close.getByLabel(/Access to Work discussed/).check();
  await close.getByRole('button', { name: 'Close mentoring' }).click();
  await expect(close).toHaveCount(0);
  await expect(page.getByTestId('status-badge').first()).toHaveText('Completed');
  await expect(page.getByRole('alert').filter({ hasText: 'One session is still booked' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('closed.png') });

  await page.getByRole('button', { name: 'Completion pack PDF' }).click();
  await expect(page.getByTestId('completion-pack-path')).toContainText(`${harness.dataDir}-exports/`, KDF_TIMEOUT);
});

async function studentIdByName(harness: HarnessFixture, name: string): Promise<string> {
  const list = await harness.call('students:list', {});
  if (!list.ok) throw new Error(list.error.message);
  const found = (list.data as { id: string; fullName: string }[]).find((s) => s.fullName === name);
  if (!found) throw new Error(`No student ${name}`);
  return found.id;
}

test('the week page shows booked sessions by initials and the free slots left from the availability in Settings, and the availability email lists them without names', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  const studentId = await createStudent(harness, { fullName: 'Chloé Dubois', studentNumber: 'S0000103' });
  for (const booking of [
    { date: '2026-11-25', start: '14:00', plannedMinutes: 60, mode: 'campus', place: 'Library room 2' },
    { date: '2026-12-01', start: '10:00', plannedMinutes: 90, mode: 'video', place: 'Teams' },
  ]) {
    const booked = await harness.call('sessions:book', { studentId, booking });
    if (!booked.ok) throw new Error(booked.error.message);
  }

  // The coordinator's address, then availability: no Fridays, and Wednesday 2 December off.
  await nav(page, 'Settings').click();
  await page.getByLabel('Coordinator’s email').fill('not an address');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Enter a valid email address, like coordinator@example.org')).toBeVisible();
  await page.getByLabel('Coordinator’s email').fill('office@brightside.example.org');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Your details were saved.')).toBeVisible();
  const availability = page.getByRole('region', { name: 'Your availability' });
  await availability.getByRole('button', { name: 'Remove Friday hours 1' }).click();
  await availability.getByRole('button', { name: 'Add a date' }).click();
  await availability.getByRole('button', { name: 'Save availability' }).click();
  await expect(availability.getByText('Enter the date, like 24/12/2026')).toBeVisible();
  await availability.getByRole('textbox', { name: 'Date that differs 1' }).fill('02/12/2026');
  await page.keyboard.press('Tab');
  await availability.getByRole('button', { name: 'Save availability' }).click();
  await expect(page.getByText('Your availability was saved.')).toBeVisible();
  await availability.screenshot({ path: test.info().outputPath('availability.png') });

  await nav(page, 'My week').click();
  await expect(page.getByRole('heading', { name: 'My week' })).toBeVisible();
  const wednesday = page.getByRole('listitem', { name: 'Wednesday 25/11/2026' });
  await expect(wednesday.getByTestId('booked-slot')).toHaveText('14:00–15:00 C.D.');
  await expect(wednesday.getByTestId('free-slot')).toHaveText(['09:00–10:00 free', '10:00–11:00 free', '11:00–12:00 free', '12:00–13:00 free', '13:00–14:00 free', '15:00–16:00 free', '16:00–17:00 free']);
  await expect(page.getByRole('listitem', { name: 'Friday 27/11/2026' })).toContainText('No hours');
  await expect(page.getByRole('listitem', { name: /^Saturday/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('week.png') });

  await page.getByText('Next week', { exact: true }).click();
  await expect(page.getByRole('listitem', { name: 'Tuesday 01/12/2026' }).getByTestId('booked-slot')).toHaveText('10:00–11:30 C.D.');
  await expect(page.getByRole('listitem', { name: 'Wednesday 02/12/2026' })).toContainText('Unavailable');
  await page.screenshot({ path: test.info().outputPath('week-next.png') });

  // The email for next week: free slots and the booking by initials, never the name.
  const href = await page.getByRole('link', { name: 'Email availability to coordinator' }).getAttribute('href');
  expect(href).toMatch(/^mailto:office@brightside\.example\.org\?subject=/);
  const params = new URLSearchParams(href!.replace(/^mailto:[^?]*\?/, ''));
  expect(params.get('subject')).toBe('Availability and bookings, week beginning Monday 30/11/2026 – Sam Mentor');
  const body = params.get('body')!;
  expect(body).toContain('Monday 30/11/2026 09:00–10:00');
  expect(body).toContain('Tuesday 01/12/2026 11:30–12:30');
  expect(body).toContain('Tuesday 01/12/2026 10:00–11:30 (C.D.)');
  expect(body).not.toContain('Tuesday 01/12/2026 10:00–11:00');
  expect(body).not.toContain('Wednesday 02/12/2026');
  expect(body).not.toContain('Friday 04/12/2026');
  expect(body).not.toMatch(/Chlo|Dubois/);

  // A booking opens its student.
  await page.getByRole('button', { name: '10:00–11:30 C.D.: open the student' }).click();
  await expect(page.getByRole('heading', { name: 'Chloé Dubois' })).toBeVisible();
});
