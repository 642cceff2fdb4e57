// The browser harness must be as strict as the app: these prove the shim and server refuse what the
// preload and main refuse, so a passing browser test cannot rely on a door the app keeps shut.
import http from 'node:http';
import { expect, test } from './fixtures';

test('the shim refuses a channel the contract does not name, without sending it', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/__api/invoke')) sent.push(request.postData() ?? '');
  });
  const result = await page.evaluate(() => window.mentorDesk.invoke('fs:readFile', { path: '/etc/passwd' }));
  expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(sent.filter((body) => body.includes('fs:readFile'))).toEqual([]);
  await expect(page.evaluate(() => window.mentorDesk.on('fs:changed', () => {}))).rejects.toThrow(/not a Mentor Desk event/);
});

test('the shim reaches the real backend for a contract channel', async ({ page }) => {
  const result = await page.evaluate(() => window.mentorDesk.invoke('vault:status', {}));
  expect(result).toMatchObject({ ok: true, data: { state: 'new' } });
});

test('a call without the token is refused with 403', async ({ harness, request }) => {
  const origin = new URL(harness.url).origin;
  const noToken = await request.post(`${origin}/__api/invoke`, { data: { channel: 'vault:status', request: {} } });
  expect(noToken.status()).toBe(403);
  const wrongToken = await request.post(`${origin}/__api/invoke`, {
    data: { channel: 'vault:status', request: {} },
    headers: { 'x-harness-token': '0'.repeat(64) },
  });
  expect(wrongToken.status()).toBe(403);
  const clock = await request.post(`${origin}/__harness/clock`, { data: { advance: 60_000 } });
  expect(clock.status()).toBe(403);
  const events = await request.get(`${origin}/__api/events`);
  expect(events.status()).toBe(403);
  // Even with the token: another web page (Origin) or another host name (DNS rebinding) is refused.
  const crossOrigin = await request.post(`${origin}/__api/invoke`, {
    data: { channel: 'vault:status', request: {} },
    headers: { 'x-harness-token': harness.token, origin: 'https://evil.example' },
  });
  expect(crossOrigin.status()).toBe(403);
  expect(await rawGetStatus(origin, '/', { host: 'evil.example' })).toBe(421);
});

test('the harness serves nothing outside the built renderer', async ({ harness }) => {
  // Sent raw over node:http: a browser or Playwright's request API would normalise `%2e%2e` away first.
  const origin = new URL(harness.url).origin;
  for (const path of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/assets/..%5c..%5cpackage.json', '/index.html%00.js']) {
    expect(await rawGetStatus(origin, path), path).toBe(404);
  }
  expect(await rawGetStatus(origin, '/')).toBe(200);
});

test('backend events reach the page, clock-driven auto-lock included, and restart keeps the vault', async ({ page, harness }) => {
  const created = await page.evaluate(() => window.mentorDesk.invoke('vault:create', { passphrase: 'harness-only: amber kettle orbit 7 lanterns' }));
  expect(created).toMatchObject({ ok: true });
  const status = (await harness.call('vault:status', {})) as { ok: true; data: { state: string; autoLockMinutes: number } };
  expect(status.data.state).toBe('unlocked');

  await page.evaluate(() => {
    (window as unknown as { heard: unknown[] }).heard = [];
    window.mentorDesk.on('vault:locked', (payload) => (window as unknown as { heard: unknown[] }).heard.push(payload));
  });
  await harness.advanceClock(status.data.autoLockMinutes * 60_000 + 1_000);
  await expect.poll(() => page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([{ reason: 'idle' }]);

  await harness.restart();
  expect(await harness.call('vault:status', {})).toMatchObject({ ok: true, data: { state: 'locked' } });
  expect(await page.evaluate(() => window.mentorDesk.invoke('vault:status', {}))).toMatchObject({ ok: true, data: { state: 'locked' } });
});

function rawGetStatus(origin: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname, port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}
