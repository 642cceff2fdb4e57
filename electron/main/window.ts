// Runs in: Electron main. The one place a BrowserWindow is made, and the app:// protocol it loads from.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, protocol } from 'electron';
import icon from '../../resources/icon.png?asset';
import {
  APP_ENTRY_URL,
  APP_RESPONSE_HEADERS,
  APP_SCHEME,
  contentTypeFor,
  isRoutePath,
  resolveAppPath,
  resolveUnderRoot,
} from './security-rules';

/**
 * Must run before `app` is ready. app:// is a standard, secure origin, so the renderer gets a real
 * origin ('self' in the CSP, fetch, storage isolation) without file:// and its access to the disk.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function respond(status: number, body: ConstructorParameters<typeof Response>[0], contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType, ...APP_RESPONSE_HEADERS } });
}

/** Serves the built renderer (out/renderer) on app://mentor-desk/, and nothing outside that folder. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');
    const file = resolveAppPath(rendererRoot, request.url);
    if (file === null) return respond(404, 'Not found');
    try {
      return respond(200, await readFile(file), contentTypeFor(file));
    } catch {
      const pathname = new URL(request.url).pathname;
      const index = resolveUnderRoot(rendererRoot, '/');
      if (!isRoutePath(pathname) || index === null) return respond(404, 'Not found');
      return respond(200, await readFile(index), contentTypeFor(index));
    }
  });
}

export interface MainWindowOptions {
  /** out/preload/index.cjs */
  preloadPath: string;
  /** The dev server URL while developing (ELECTRON_RENDERER_URL), else null: load app://. */
  devUrl: string | null;
}

export function createMainWindow({ preloadPath, devUrl }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Mentor Desk',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(process.platform === 'linux' ? { icon } : {}),
    webPreferences: {
      preload: path.resolve(preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Typed student details must never go to a spell-check service.
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      experimentalFeatures: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl ?? APP_ENTRY_URL);
  return win;
}
