// The packaged shape end to end: Electron main, the sandboxed preload, IPC with the sender check,
// app:// with its CSP, and the real backend, on a throwaway profile folder.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The Electron binary, or null when `npm install` ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1. */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null; // electron/index.js throws when its binary was never downloaded
  }
}

const binary = electronBinary();
test.skip(
  binary === null,
  'The Electron binary is not installed (this checkout was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Run `npm install` without that variable, then `npm run test:electron` (under `xvfb-run -a` on a headless Linux).',
);

const PASSPHRASE = 'electron-test: amber kettle orbit 7 lanterns';

let userData = '';
let app: ElectronApplication | undefined;

test.beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'mentor-desk-electron-'));
});

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  await rm(userData, { recursive: true, force: true });
});

async function launch(): Promise<Page> {
  const env = { ...process.env, MENTOR_DESK_USER_DATA: userData } as Record<string, string>;
  delete env.ELECTRON_RENDERER_URL; // always the built renderer on app://, never a dev server
  app = await electron.launch({
    executablePath: binary!,
    // Chromium refuses to start as root with its sandbox on (CI containers run as root); the
    // renderer stays sandboxed by Electron (sandbox: true) either way.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'],
    cwd: repoRoot,
    env,
  });
  const page = await app.firstWindow();
  await page.waitForFunction(() => document.body?.dataset.appReady === 'true', undefined, { timeout: 60_000 });
  return page;
}

test('first run: create a passphrase, lock, unlock, and reach the home screen', async () => {
  const page = await launch();
  expect(page.url()).toBe('app://mentor-desk/');

  // The shell's promises, checked from inside the page.
  expect(await page.evaluate(() => Object.keys(window.mentorDesk).sort())).toEqual(['invoke', 'on']);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => window.mentorDesk.invoke('fs:readFile', {}))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  await expect(page.getByRole('heading', { name: 'Welcome to Mentor Desk' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();

  await expect(page.getByTestId('recovery-key')).toBeVisible();
  await page.getByLabel('I have stored my recovery key somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Your caseload')).toBeVisible();

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Mentor Desk' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByText('Your caseload')).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-vault-state', 'unlocked');

  // The vault went where MENTOR_DESK_USER_DATA said, not into the real profile.
  expect((await readdir(path.join(userData, 'vault'))).length).toBeGreaterThan(0);
});
