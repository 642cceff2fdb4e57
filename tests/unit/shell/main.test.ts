// The Electron binary cannot run everywhere the tests run, so the shell's lifecycle is checked here
// against a stand-in `electron` module: what is registered before `ready`, what the window is made
// with, what app:// serves, and that quitting waits for the vault to close.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/contract';

const h = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    ready: false,
    paths: new Map<string, string>([['userData', '/profile/Mentor Desk']]),
    readyCallbacks: [] as Array<() => void>,
    whenReady() {
      return new Promise<void>((resolve) => app.readyCallbacks.push(resolve));
    },
    requestSingleInstanceLock: () => true,
    getPath: (name: string) => app.paths.get(name) ?? `/fake/${name}`,
    setPath: (name: string, value: string) => void app.paths.set(name, value),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const windows: Array<{ options: Record<string, any>; url?: string; sent: unknown[][] }> = [];
  const handled = new Map<string, (...args: unknown[]) => unknown>();
  const order: string[] = [];
  const backendEvents = new EventEmitter();
  const backend = {
    call: vi.fn(async (channel: unknown) => ({ ok: true, data: channel })),
    on: vi.fn((event: string, listener: (p: unknown) => void) => {
      backendEvents.on(event, listener);
      return () => backendEvents.off(event, listener);
    }),
    tick: vi.fn(),
    lock: vi.fn(),
    close: vi.fn(async () => {}),
  };
  const createBackend = vi.fn(async (_options: Record<string, unknown>) => backend);
  return { EventEmitter, app, windows, handled, order, backend, backendEvents, createBackend, protocolHandler: null as null | ((r: Request) => Promise<Response>), privileged: [] as unknown[], session: { permissionRequest: null as any, permissionCheck: null as any, beforeRequest: null as any, spell: true } };
});

vi.mock('electron', () => {
  class BrowserWindow extends h.EventEmitter {
    static getAllWindows = () => h.windows;
    webContents: any;
    constructor(options: Record<string, any>) {
      super();
      const record = { options, sent: [] as unknown[][] };
      h.windows.push(record);
      this.webContents = { send: (...args: unknown[]) => record.sent.push(args), mainFrame: {}, isDestroyed: () => false };
      h.order.push('window');
    }
    loadURL(url: string) {
      h.windows.at(-1)!.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore() {}
    show() {}
    focus() {}
  }
  return {
    app: h.app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) => {
        h.handled.set(channel, fn);
        h.order.push('ipc');
      },
    },
    powerMonitor: new h.EventEmitter(),
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text', encryptString: vi.fn(), decryptString: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: unknown) => (h.session.permissionRequest = fn),
        setPermissionCheckHandler: (fn: unknown) => (h.session.permissionCheck = fn),
        webRequest: { onBeforeRequest: (fn: unknown) => (h.session.beforeRequest = fn) },
        setSpellCheckerEnabled: (on: boolean) => (h.session.spell = on),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        if (h.app.ready) throw new Error('registerSchemesAsPrivileged after ready');
        h.privileged.push(...schemes);
      },
      handle: (_scheme: string, fn: (r: Request) => Promise<Response>) => (h.protocolHandler = fn),
    },
    shell: { openExternal: vi.fn(async () => {}) },
  };
});
vi.mock('../../../resources/icon.png?asset', () => ({ default: '/fake/icon.png' }));
vi.mock('../../../electron/main/backend/index', () => ({ createBackend: h.createBackend }));

let rendererRoot = '';
let outDir = '';

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  process.env.MENTOR_DESK_USER_DATA = path.join(tmpdir(), 'mentor-desk-profile-test');
  await import('../../../electron/main/index');
  // The renderer folder main serves is out/renderer next to the bundle; point a copy of it at a temp dir.
  h.app.ready = true;
  for (const resolve of h.app.readyCallbacks) resolve();
  await vi.waitFor(() => expect(h.windows.length).toBe(1));
  outDir = await mkdtemp(path.join(tmpdir(), 'mentor-desk-out-'));
  rendererRoot = path.join(outDir, 'renderer');
  await mkdir(path.join(rendererRoot, 'assets'), { recursive: true });
  await writeFile(path.join(outDir, 'secret.txt'), 'TOP SECRET');
  await writeFile(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Mentor Desk</title>');
  await writeFile(path.join(rendererRoot, 'assets', 'app.js'), 'console.log(1)');
});

afterAll(async () => {
  vi.useRealTimers();
  delete process.env.MENTOR_DESK_USER_DATA;
  await rm(outDir, { recursive: true, force: true });
});

describe('the Electron shell', () => {
  it('registers app:// as a privileged scheme before the app is ready', () => {
    expect(h.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
  });

  it('keeps the vault in userData/vault, honouring MENTOR_DESK_USER_DATA, with no keychain on basic_text', () => {
    const options = h.createBackend.mock.calls[0]![0];
    expect(options.dataDir).toBe(path.join(tmpdir(), 'mentor-desk-profile-test', 'vault'));
    expect(options.keychain).toBeNull();
  });

  it('registers a handler for every contract channel before the window exists', () => {
    expect([...h.handled.keys()].sort()).toEqual([...channels].sort());
    expect(h.order.indexOf('window')).toBeGreaterThan(h.order.lastIndexOf('ipc'));
  });

  it('refuses IPC from anything but the window’s main frame', async () => {
    const fn = h.handled.get('vault:status')!;
    expect(await fn({ sender: {}, senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.backend.call).not.toHaveBeenCalled();
  });

  it('opens one window with the secure settings, loading app://mentor-desk/', () => {
    const [win] = h.windows;
    expect(win!.url).toBe('app://mentor-desk/');
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(win!.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('denies permissions except clipboard text writes from the app, and blocks the network', () => {
    const granted: boolean[] = [];
    h.session.permissionRequest({}, 'media', (ok: boolean) => granted.push(ok), { requestingUrl: 'app://mentor-desk/' });
    h.session.permissionRequest({}, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok), { requestingUrl: 'app://mentor-desk/' });
    expect(granted).toEqual([false, true]);
    expect(h.session.permissionCheck({}, 'clipboard-read', 'app://mentor-desk')).toBe(false);
    const cancelled: boolean[] = [];
    h.session.beforeRequest({ url: 'https://example.org/track.gif' }, (r: { cancel: boolean }) => cancelled.push(r.cancel));
    h.session.beforeRequest({ url: 'app://mentor-desk/assets/app.js' }, (r: { cancel: boolean }) => cancelled.push(r.cancel));
    expect(cancelled).toEqual([true, false]);
    expect(h.session.spell).toBe(false);
  });

  it('serves the renderer on app:// with the CSP header, and nothing outside its folder', async () => {
    const { serveRenderer } = await import('../../../electron/main/window');
    serveRenderer(rendererRoot);
    const get = (url: string) => h.protocolHandler!(new Request(url));
    const index = await get('app://mentor-desk/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>Mentor Desk</title>');
    const script = await get('app://mentor-desk/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://mentor-desk/students')).status).toBe(200); // a route: index.html
    expect((await get('app://mentor-desk/assets/missing.js')).status).toBe(404);
    // A secret next to the renderer folder must never come back, however the path is dressed up.
    for (const url of ['app://mentor-desk/../secret.txt', 'app://mentor-desk/%2e%2e/secret.txt', 'app://mentor-desk/..%2fsecret.txt', 'app://mentor-desk/..%5csecret.txt', 'app://mentor-desk/assets/%2E%2E/%2E%2E/secret.txt']) {
      const response = await get(url);
      expect(await response.text(), url).not.toContain('TOP SECRET');
    }
    expect((await get('app://mentor-desk/..%2fsecret.txt')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await h.protocolHandler!(new Request('app://mentor-desk/', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('forwards backend events to the window', () => {
    h.backendEvents.emit('vault:locked', { reason: 'idle' });
    expect(h.windows[0]!.sent).toContainEqual(['mentorDesk:event', 'vault:locked', { reason: 'idle' }]);
  });

  it('locks on suspend and screen lock, and ticks every 5 seconds', async () => {
    const { powerMonitor } = await import('electron');
    (powerMonitor as unknown as EventEmitter).emit('suspend');
    (powerMonitor as unknown as EventEmitter).emit('lock-screen');
    expect(h.backend.lock.mock.calls).toEqual([['suspend'], ['screen-locked']]);
    vi.advanceTimersByTime(10_000);
    expect(h.backend.tick).toHaveBeenCalledTimes(2);
  });

  it('quits only after the vault has closed', async () => {
    const event = { defaultPrevented: false, preventDefault() {
      this.defaultPrevented = true;
    } };
    h.app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(h.app.quit).toHaveBeenCalled());
    const again = { defaultPrevented: false, preventDefault() {
      this.defaultPrevented = true;
    } };
    h.app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});
