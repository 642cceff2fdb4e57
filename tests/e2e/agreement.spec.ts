// A service agreement from the provider's template, signed in signing mode (only the document and
// the pad on screen, a passphrase to leave), exported as a PDF and amended. Every wait is on
// something visible; the backend's clock and the page's move together.
import { expect, test } from './fixtures';
import { KDF_TIMEOUT, PASSPHRASE, T0, lockButton, nav, openVault, setTime, signOnPad } from './steps';

test('an agreement is filled in for the student, signed by both in signing mode, exported, and amended without losing the signed original', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  const created = await harness.call('students:create', { fullName: 'Amara Nwosu', institution: 'University of Leicester' });
  if (!created.ok) throw new Error(`students:create failed: ${created.error.message}`);

  await nav(page, 'Students').click();
  await page.getByRole('button', { name: 'Amara Nwosu', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Amara Nwosu', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Agreement' }).click();
  await expect(page.getByText('No service agreement yet.')).toBeVisible();

  // A new agreement is the template filled in for this student and this academic year.
  await page.getByRole('button', { name: 'New agreement for this academic year' }).click();
  await expect(page.getByRole('heading', { name: 'Service agreement 2026/27' })).toBeVisible();
  const text = page.getByTestId('agreement-text');
  await expect(text).toContainText('Between Amara Nwosu (the student) and Sam Mentor of Brightside Mentoring');
  await expect(text).not.toContainText('{{');
  await expect(page.getByTestId('agreement-state')).toHaveText('Awaiting signatures');

  // Signing mode: the document and the pad, nothing else of the mentor's records.
  await page.getByRole('button', { name: 'Sign as student…' }).click();
  await expect(page.getByTestId('signing-mode')).toBeVisible();
  await expect(page.getByLabel('Printed name')).toHaveValue('Amara Nwosu');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(lockButton(page)).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveCount(0);
  await expect(page.getByTestId('agreement-text')).toContainText('Amara Nwosu');

  await signOnPad(page, 'Amara Nwosu');
  await expect(page.getByRole('status').filter({ hasText: 'Signed by the student' })).toBeVisible();
  await expect(page.getByTestId('agreement-signatures')).toContainText('Amara Nwosu');

  // The mentor signs straight after, with their own name offered.
  await page.getByRole('button', { name: 'Mentor signs now' }).click();
  await expect(page.getByLabel('Printed name')).toHaveValue('Sam Mentor');
  await signOnPad(page, 'Sam Mentor');
  await expect(page.getByRole('status').filter({ hasText: 'Everyone has signed this document.' })).toBeVisible();

  // Leaving signing mode takes the mentor's passphrase; a wrong one is refused.
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  const passphrase = page.getByLabel('Mentor’s passphrase');
  await expect(passphrase).toBeVisible();
  await expect(page.getByTestId('agreement-text')).toHaveCount(0);
  await passphrase.fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Leave signing mode' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Still in signing mode' })).toBeVisible(KDF_TIMEOUT);
  await expect(page.getByTestId('signing-mode')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  await passphrase.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Leave signing mode' }).click();
  await expect(lockButton(page)).toBeVisible(KDF_TIMEOUT);
  await expect(page.getByRole('heading', { name: 'Amara Nwosu', level: 1 })).toBeVisible();
  await expect(page.getByTestId('agreement-state')).toHaveText('Complete');
  const signatures = page.getByTestId('agreement-signatures');
  await expect(signatures).toContainText('Amara Nwosu');
  await expect(signatures).toContainText('Sam Mentor');

  // The PDF is written into the exports folder, and the app says where.
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.getByText(/^Saved to .+\.pdf$/)).toBeVisible(KDF_TIMEOUT);

  // Changing the signed text makes an amendment to sign again; the signed original stays on file.
  await page.getByRole('button', { name: 'Edit text' }).click();
  await expect(page.getByText(/makes an amendment that must be signed again/)).toBeVisible();
  const editor = page.getByLabel('Agreement text');
  await editor.fill(`${await editor.inputValue()}\n\nSessions in the exam period are held online.`);
  await page.getByRole('button', { name: 'Save as an amendment' }).click();
  await expect(page.getByTestId('agreement-state')).toHaveText('Awaiting signatures');
  await expect(page.getByText('Amendment 1, written', { exact: false })).toBeVisible();
  await expect(page.getByRole('document', { name: 'Service agreement 2026/27' })).toContainText('Sessions in the exam period are held online.');
  await expect(page.getByText('This amendment changes: The wording.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign as student…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign as mentor…' })).toBeVisible();
  const earlier = page.getByTestId('earlier-versions');
  const original = earlier.getByRole('button', { name: /Original version · signed by student and mentor/ });
  await expect(original).toBeVisible();
  await original.click();
  const originalText = page.getByRole('document', { name: 'Original version text' });
  await expect(originalText).toBeVisible();
  await expect(originalText).not.toContainText('Sessions in the exam period');

  await page.getByRole('button', { name: '← All agreements' }).click();
  const row = page.getByRole('table', { name: 'Service agreements' }).getByRole('row', { name: /2026\/27/ });
  await expect(row).toContainText('Awaiting signatures');
  await expect(row).toContainText('1 amendment');
  await expect(row).toContainText('Nobody yet');
});

test('the agreement wording comes from Settings; in signing mode Escape asks for the passphrase, a signature on changed wording is refused and the current wording shown, and auto-lock ends signing mode with the lock screen', async ({ page, harness }) => {
  await setTime(page, harness, T0);
  await openVault(page, harness);
  const created = await harness.call('students:create', { fullName: 'Jonah Price', institution: 'De Montfort University' });
  if (!created.ok) throw new Error(`students:create failed: ${created.error.message}`);

  // The provider's own wording, saved without touching the other settings.
  await nav(page, 'Settings').click();
  const wording = page.getByLabel('Agreement wording');
  await expect(wording).toHaveValue(/Service agreement for specialist mentoring/);
  await wording.fill('Brightside agreement for {{academicYear}} with {{studentFullName}}, mentored by {{mentorName}}.');
  await page.getByRole('button', { name: 'Save agreement wording' }).click();
  await expect(page.getByText(/The service agreement wording was saved/)).toBeVisible();
  const settings = await harness.call('settings:get', {});
  expect(settings.ok && (settings.data as { mentorPhone: string }).mentorPhone).toBe('0116 496 0000');

  await nav(page, 'Students').click();
  await page.getByRole('button', { name: 'Jonah Price', exact: true }).click();
  await page.getByRole('tab', { name: 'Agreement' }).click();
  await page.getByRole('button', { name: 'New agreement for this academic year' }).click();
  await expect(page.getByTestId('agreement-text')).toHaveText('Brightside agreement for 2026/27 with Jonah Price, mentored by Sam Mentor.');

  // Escape in signing mode asks for the passphrase; Escape there goes back to the document.
  await page.getByRole('button', { name: 'Sign as mentor…' }).click();
  await expect(page.getByLabel('Printed name')).toHaveValue('Sam Mentor');
  await page.keyboard.press('Escape');
  const passphrase = page.getByLabel('Mentor’s passphrase');
  await expect(passphrase).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await passphrase.press('Escape');
  await expect(page.getByTestId('agreement-text')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  // Changed elsewhere while on screen: signing is refused and the current wording is shown to sign instead.
  const studentId = (created.data as { id: string }).id;
  const listed = await harness.call('agreements:list', { studentId });
  if (!listed.ok) throw new Error(`agreements:list failed: ${listed.error.message}`);
  const agreementId = (listed.data as { id: string }[])[0]!.id;
  const edited = await harness.call('agreements:edit', { studentId, agreementId, text: 'Brightside agreement, second wording.' });
  if (!edited.ok) throw new Error(`agreements:edit failed: ${edited.error.message}`);
  await signOnPad(page, 'Sam Mentor');
  await expect(page.getByRole('alert').filter({ hasText: 'the document changed while it was on screen' })).toBeVisible();
  await expect(page.getByTestId('agreement-text')).toHaveText('Brightside agreement, second wording.');
  await expect(page.getByLabel('Printed name')).toHaveValue('Sam Mentor');

  // Left alone past the auto-lock time, the vault locks and signing mode ends with the lock screen.
  await harness.advanceClock(61 * 60 * 1000);
  await expect(page.getByRole('heading', { name: 'Unlock Mentor Desk' })).toBeVisible();
  await expect(page.getByTestId('signing-mode')).toHaveCount(0);
  await expect(page.getByTestId('agreement-text')).toHaveCount(0);
});
