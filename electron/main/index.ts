// Runs in: Electron main. Lifecycle only: everything with rules in it lives in the backend or in
// security-rules.ts, where it can be tested without Electron.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, safeStorage, session } from 'electron';
import { events, type EventName } from '../../shared/contract';
import { createBackend, type Backend } from './backend/index';
import type { Keychain } from './backend/keychain';
import { EVENT_CHANNEL } from '../preload/bridge';
import { registerChannels, senderIsMainWindow } from './ipc';
import { devServerOrigin, hardenAllWebContents, hardenSession, isTrustedRendererUrl, mayUseOsKeychain } from './security';
import { createMainWindow, registerAppScheme, serveRenderer } from './window';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const TICK_MS = 5000;

// Tests (and anyone who wants a separate profile) point the app at another folder. Only honoured
// when set, and only as an absolute path, so a stray relative value cannot scatter data around.
const userDataOverride = process.env.MENTOR_DESK_USER_DATA;
if (userDataOverride && path.isAbsolute(userDataOverride)) app.setPath('userData', userDataOverride);

const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const devOrigin = devServerOrigin(devUrl);

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let ticker: ReturnType<typeof setInterval> | null = null;

function osKeychain(): Keychain | null {
  const usable = mayUseOsKeychain({
    platform: process.platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
  if (!usable) return null;
  // safeStorage takes strings; the key bytes travel as base64 so no byte is lost to text encoding.
  return {
    encrypt: (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64'))),
    decrypt: (sealed) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64')),
  };
}

function forwardEvents(from: Backend): void {
  for (const name of Object.keys(events) as EventName[]) {
    from.on(name, (payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, name, payload);
    });
  }
}

function openWindow(): void {
  mainWindow = createMainWindow({ preloadPath: path.join(here, '../preload/index.cjs'), devUrl });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devOrigin);
  serveRenderer(path.join(here, '../renderer'));

  const started = await createBackend({
    dataDir: path.join(app.getPath('userData'), 'vault'),
    // PDFs the mentor exports: ordinary files they can find and send to the office.
    exportDir: path.join(app.getPath('documents'), 'Mentor Desk exports'),
    keychain: osKeychain(),
    log: (line) => console.warn(`[mentor-desk] ${line}`),
  });
  backend = started;

  registerChannels(
    (channel, handler) => ipcMain.handle(channel, handler),
    started,
    senderIsMainWindow(() => mainWindow?.webContents ?? null, (url) => isTrustedRendererUrl(url, devOrigin)),
  );
  forwardEvents(started);

  powerMonitor.on('suspend', () => started.lock('suspend'));
  powerMonitor.on('lock-screen', () => started.lock('screen-locked'));
  ticker = setInterval(() => started.tick(), TICK_MS);

  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Two copies writing one vault would fight over it: the second copy hands over to the first.
  app.quit();
} else {
  registerAppScheme();
  hardenAllWebContents(devOrigin);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // Quitting waits for the backend to finish its last write and forget the key.
  let quitting: 'no' | 'closing' | 'closed' = 'no';
  app.on('before-quit', (event) => {
    if (quitting === 'closed' || !backend) return;
    event.preventDefault();
    if (quitting === 'closing') return;
    quitting = 'closing';
    if (ticker) clearInterval(ticker);
    ticker = null;
    backend
      .close()
      .catch((err: unknown) => console.error('[mentor-desk] closing the vault failed', err))
      .finally(() => {
        quitting = 'closed';
        app.quit();
      });
  });

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[mentor-desk] start-up failed', err);
      dialog.showErrorBox(
        'Mentor Desk could not start',
        'Mentor Desk could not open its data folder. Check that your user folder is not full or read-only, then start Mentor Desk again.',
      );
      app.exit(1);
    });
}
