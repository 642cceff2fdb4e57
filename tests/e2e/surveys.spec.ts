// Surveys: the Rate your Support survey marked sent and returned, a response typed in, the results
// chart, and the end-of-year CSV and PDF exports (with names left out), checked as the office would.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { readRecordFromPdf } from '../../electron/main/backend/documents/metadata';
import { expect, test } from './fixtures';
import { KDF_TIMEOUT, nav, openVault, setTime } from './steps';

// Wednesday 20 January 2027, 10:00 in London: the Rate your Support window is open, due Friday 29 January.
const JANUARY = Date.UTC(2027, 0, 20, 10, 0);

test('mark a survey sent and returned, type in the answers, see the results, and export the year-end CSV and PDF without names', async ({ page, harness }) => {
  await setTime(page, harness, JANUARY);
  await openVault(page, harness);
  for (const [fullName, studentNumber] of [['Zoë Adams', 'S0000101'], ['Łukasz Nowak', 'S0000102']]) {
    const made = await harness.call('students:create', { fullName, studentNumber });
    if (!made.ok) throw new Error(made.error.message);
  }
  await page.reload();
  await expect(page.getByLabel('Due in the next two weeks')).toContainText('Rate your Support survey', KDF_TIMEOUT);

  await nav(page, 'Surveys').click();
  await expect(page.getByText('01/11/2026 to 29/01/2027')).toBeVisible();
  const table = page.getByRole('table', { name: 'Rate your Support 2026/27: students' });
  await expect(table.getByRole('row', { name: /Zoë Adams/ })).toContainText('Not sent');
  await expect(table.getByRole('row', { name: /Zoë Adams/ })).toContainText('Remind');

  // Sent by email today.
  await page.getByRole('button', { name: 'Actions for Zoë Adams' }).click();
  await page.getByRole('menuitem', { name: 'Mark sent…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark sent' }).click();
  await expect(table.getByRole('row', { name: /Zoë Adams/ })).toContainText('20/01/2027 (email)');

  // Returned: the answers typed in; a rating left out of range is impossible, a blank one is allowed.
  await page.getByRole('button', { name: 'Actions for Zoë Adams' }).click();
  await page.getByRole('menuitem', { name: 'Enter returned answers…' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('radiogroup', { name: /How helpful has mentoring been overall/ }).getByRole('radio', { name: '5' }).check();
  await form.getByRole('radiogroup', { name: /How easy is it to arrange sessions/ }).getByRole('radio', { name: '4' }).check();
  await form.getByLabel('3. What has helped most?').fill('Weekly planning, and someone to check in with');
  await form.getByRole('button', { name: 'Save answers' }).click();
  await expect(table.getByRole('row', { name: /Zoë Adams/ })).toContainText('Returned');
  await expect(page.getByTestId('survey-returned')).toHaveText('1 of 2 returned');

  // The results: a bar per point of the scale, and the written answer without a name.
  await page.getByRole('tab', { name: 'Results' }).click();
  const helpful = page.getByRole('figure', { name: 'How helpful has mentoring been overall?: answers' });
  await expect(helpful).toContainText('1 answered · average 5.0');
  await expect(page.getByText('Weekly planning, and someone to check in with')).toBeVisible();

  // The year-end CSV, names left out (the default).
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csvSaved = page.getByText(/^Saved to .+\.csv$/);
  await expect(csvSaved).toBeVisible(KDF_TIMEOUT);
  const csv = await readFile((await csvSaved.innerText()).replace(/^Saved to /, ''), 'utf8');
  // A byte-order mark first, so Excel reads the accents right.
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.slice(1).split(/\r?\n/)[0]).toMatch(/^academic_year,survey_id,survey_title,student_id,student_name,status,sent_on,returned_on,q_helpful,q_arranging/);
  expect(csv).toContain('Weekly planning, and someone to check in with');
  expect(csv).not.toMatch(/Zoë|Nowak|S000010/);

  // The PDF report, with the chart's data attached for the office.
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  const pdfSaved = page.getByText(/^Saved to .+\.pdf$/);
  await expect(pdfSaved).toBeVisible(KDF_TIMEOUT);
  const pdfPath = (await pdfSaved.innerText()).replace(/^Saved to /, '');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Rate your Support');
  expect(text).toContain('How helpful has mentoring been overall?');
  expect(text).not.toMatch(/Zoë|Nowak|S000010/);
  const { meta } = await readRecordFromPdf(await readFile(pdfPath));
  expect(meta.kind).toMatch(/survey/);
});

test('the provider rewords a question and adds one in Settings; the survey asks them', async ({ page, harness }) => {
  await setTime(page, harness, JANUARY);
  await openVault(page, harness);
  const made = await harness.call('students:create', { fullName: 'Zoë Adams' });
  if (!made.ok) throw new Error(made.error.message);
  await nav(page, 'Settings').click();
  const rys = page.getByRole('group', { name: 'Survey: Rate your Support' });
  await rys.getByRole('textbox', { name: '1. Rating 1–5' }).fill('Overall, how much has mentoring helped you?');
  await rys.getByRole('button', { name: 'Add a written question' }).click();
  await rys.getByRole('textbox', { name: '5. Written answer' }).fill('Anything else you would like us to know?');
  await page.getByRole('button', { name: 'Save questions' }).click();
  await expect(page.getByText('Survey questions saved.')).toBeVisible();

  await nav(page, 'Surveys').click();
  await page.getByRole('button', { name: 'Actions for Zoë Adams' }).click();
  await page.getByRole('menuitem', { name: 'Enter returned answers…' }).click();
  const form = page.getByRole('dialog');
  await expect(form.getByRole('radiogroup', { name: /Overall, how much has mentoring helped you\?/ })).toBeVisible();
  await expect(form.getByLabel('5. Anything else you would like us to know?')).toBeVisible();
});
