// The first session: the mentor works through the guided checklist with the student (each tick
// saved with its time), the student signs in signing mode, leaving it takes the mentor's
// passphrase, the mentor signs, and the PDF for the office carries both signatures and the hash.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { contentHash } from '../../shared/domain/canonical';
import { currentVersion } from '../../shared/domain/signing';
import type { ServiceAgreement } from '../../shared/schemas/agreement';
import { readRecordFromPdf } from '../../electron/main/backend/documents/metadata';
import { expect, test } from './fixtures';
import { KDF_TIMEOUT, PASSPHRASE, T0, lockButton, nav, openVault, setTime, signOnPad, unlock } from './steps';

test('the first-session checklist is ticked item by item, signed by the student and the mentor in signing mode, and exported as a PDF the office can read back', async ({ page, harness }) => {
  // The whole first meeting, two signings and a restart: a long flow, given room on a busy machine.
  test.slow();
  await setTime(page, harness, T0);
  await openVault(page, harness);
  const created = await harness.call('students:create', {
    fullName: 'Łukasz Nowak',
    studentNumber: 'S0000077',
    email: 'lukasz@example.ac.uk',
    phone: '07700 900123',
    emergencyContact: { name: 'Anna Nowak', relationship: 'sister', phone: '07700 900456' },
  });
  if (!created.ok) throw new Error(created.error.message);
  const studentId = (created.data as { id: string }).id;

  await nav(page, 'Students').click();
  await page.getByRole('button', { name: 'Łukasz Nowak', exact: true }).click();
  await page.getByRole('tab', { name: 'First session' }).click();
  await page.getByRole('button', { name: 'Start the first session record' }).click();
  await expect(page.getByRole('heading', { name: 'First session record' })).toBeVisible();

  // The provider's 22 guidelines, ticked one by one or all at once; each tick shows its time.
  const guidelines = page.getByRole('group', { name: 'Mentoring guidelines' });
  await expect(guidelines.getByRole('checkbox')).toHaveCount(22);
  await guidelines.getByRole('checkbox', { name: /^1\. Taking part in mentoring is your choice/ }).check();
  await expect(page.getByText('ticked 23/11/2026 09:30')).toBeVisible();
  await page.getByRole('button', { name: 'Tick all' }).click();
  await expect(page.getByRole('heading', { name: 'Mentoring guidelines (22 of 22 gone through)' })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Confidentiality and its two exceptions explained' }).check();
  await page.getByRole('checkbox', { name: 'Mentoring told apart from counselling' }).check();
  await page.getByRole('checkbox', { name: 'The student’s expectations discussed' }).check();
  await page.getByLabel('What the student hopes for from mentoring').fill('Help planning essays and revision');
  await page.getByRole('checkbox', { name: 'Strengths and challenges noted' }).check();
  await page.getByLabel('Strengths', { exact: true }).fill('Determined; good with numbers');
  await page.getByLabel('Challenges', { exact: true }).fill('Deadlines bunch up');
  await expect(page.getByTestId('profile-contact-details')).toContainText('lukasz@example.ac.uk · 07700 900123 · emergency contact Anna Nowak');
  await page.getByRole('checkbox', { name: 'Contact details checked with the student' }).check();

  // The agreement item waits for this year's agreement signed by both.
  const agreementItem = page.getByRole('checkbox', { name: 'Service agreement signed' });
  await expect(agreementItem).toBeDisabled();
  await expect(page.getByText('The 2026/27 service agreement is not signed by both of you yet.')).toBeVisible();
  await signAgreementThroughBackend(harness, studentId);
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByRole('tab', { name: 'First session' }).click();
  await expect(agreementItem).toBeEnabled();
  await agreementItem.check();
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved/);

  // The student signs in signing mode: only the record and the pad on screen.
  await page.getByRole('button', { name: 'Sign as student…' }).click();
  await expect(page.getByTestId('signing-mode')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveCount(0);
  const document = page.getByRole('document', { name: 'First session record' });
  await expect(document).toContainText('Help planning essays and revision');
  await expect(document.getByRole('checkbox', { checked: true })).toHaveCount(28);
  await expect(page.getByLabel('Printed name')).toHaveValue('Łukasz Nowak');
  await signOnPad(page, 'Łukasz Nowak');
  await expect(page.getByRole('status').filter({ hasText: 'Signed by the student' })).toBeVisible();

  // Handing the laptop back needs the mentor's passphrase.
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await expect(page.getByLabel('Mentor’s passphrase')).toBeVisible();
  await expect(document).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByLabel('Mentor’s passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Leave signing mode' }).click();
  await expect(lockButton(page)).toBeVisible(KDF_TIMEOUT);
  await expect(page.getByRole('heading', { name: 'First session record' })).toBeVisible();
  await expect(page.getByTestId('first-session-state')).toHaveText('Awaiting signatures');

  // The signed record is frozen: it shows read-only, and the mentor signs it in turn.
  await expect(page.getByRole('button', { name: 'Make an amendment' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign as mentor…' }).click();
  await expect(page.getByLabel('Printed name')).toHaveValue('Sam Mentor');
  await signOnPad(page, 'Sam Mentor');
  await expect(page.getByRole('status').filter({ hasText: 'Everyone has signed this document.' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await page.getByLabel('Mentor’s passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Leave signing mode' }).click();
  await expect(page.getByTestId('first-session-state')).toHaveText('Complete', KDF_TIMEOUT);

  // The PDF: names, the ticked guidelines with times, both signatures, the hash; its record reads back.
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const saved = page.getByText(/^Saved to .+\.pdf$/);
  await expect(saved).toBeVisible(KDF_TIMEOUT);
  const path = (await saved.innerText()).replace(/^Saved to /, '');
  expect(path).toBe(`${harness.dataDir}-exports/First session - Łukasz Nowak - 2026-11-23.pdf`);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Łukasz Nowak');
  expect(text).toContain('22. Mentoring lasts for a set period');
  expect(text).toContain('ticked 23/11/2026, 09:30');
  expect(text).toContain('Help planning essays and revision');
  expect(text).toMatch(/Student · signed 23 November 2026, 09:30 GMT/);
  expect(text).toMatch(/Mentor · signed 23 November 2026, 09:30 GMT/);
  const imported = await readRecordFromPdf(await readFile(path));
  const stored = await harness.call('firstSession:get', { studentId });
  if (!stored.ok) throw new Error(stored.error.message);
  const version = currentVersion((stored.data as { record: { versions: never[] } }).record as never) as { hash: string };
  expect(imported.meta.hash).toBe(version.hash);
  expect(text).toContain(version.hash.slice(0, 12));

  // It is all there after a restart.
  await harness.restart();
  await unlock(page);
  await nav(page, 'Students').click();
  await page.getByRole('button', { name: 'Łukasz Nowak', exact: true }).click();
  await page.getByRole('tab', { name: 'First session' }).click();
  await expect(page.getByTestId('first-session-state')).toHaveText('Complete');
  await expect(page.getByTestId('agreement-signatures')).toContainText('Sam Mentor');
});

/** This year's agreement, signed by both through the backend: the agreement's own flow is agreement.spec.ts. */
async function signAgreementThroughBackend(harness: { call(channel: string, request: unknown): Promise<{ ok: boolean; data?: unknown }> }, studentId: string) {
  const made = await harness.call('agreements:create', { studentId });
  const agreement = made.data as ServiceAgreement;
  const hash = contentHash(currentVersion(agreement.record).content);
  for (const [role, signerName] of [['student', 'Łukasz Nowak'], ['mentor', 'Sam Mentor']] as const) {
    const signed = await harness.call('agreements:sign', {
      studentId,
      agreementId: agreement.id,
      signature: { role, signerName, signedAt: T0, contentHash: hash, width: 400, height: 150, strokes: [[{ x: 10, y: 100 }, { x: 60, y: 40 }, { x: 120, y: 110 }]] },
    });
    if (!signed.ok) throw new Error('agreements:sign failed');
  }
}
