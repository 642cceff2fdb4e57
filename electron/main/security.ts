// Runs in: Electron main. Applies the pure rules in security-rules.ts to Electron objects.
import { app, shell, type Session, type WebContents } from 'electron';
import { isTrustedRendererUrl, mayGrantPermission, mayLoad, mayOpenExternally } from './security-rules';

export * from './security-rules';

/**
 * The one way anything leaves the app for another program. A record's notes can hold links; only
 * https: and mailto: ever reach the OS, so a crafted link cannot start `file:` or custom handlers.
 */
export function openExternally(url: string): boolean {
  if (!mayOpenExternally(url)) return false;
  shell.openExternal(url).catch(() => {
    // Nothing to do: the OS had no handler. The renderer never learns the outcome anyway.
  });
  return true;
}

/** Navigation, new windows and webviews for every web contents the app ever creates. */
export function hardenAllWebContents(devOrigin: string | null): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devOrigin));
}

export function hardenWebContents(contents: WebContents, devOrigin: string | null): void {
  // The app is one page; it never navigates its window anywhere else. A clicked https/mailto link
  // goes to the user's browser or mail program instead.
  contents.on('will-navigate', (event) => {
    if (isTrustedRendererUrl(event.url, devOrigin)) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isTrustedRendererUrl(event.url, devOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedRendererUrl(event.url, devOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Session-wide rules: no permission is granted (camera, microphone, notifications, location,
 * clipboard reading…) except writing text to the clipboard from the app's own page, and no request
 * leaves for the network.
 */
export function hardenSession(session: Session, devOrigin: string | null): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(mayGrantPermission(permission, details.requestingUrl, devOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    mayGrantPermission(permission, requestingOrigin.endsWith('/') ? requestingOrigin : `${requestingOrigin}/`, devOrigin),
  );
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !mayLoad(details.url, devOrigin) });
  });
  // Typed student details must not go to a spell-check service or download dictionaries.
  session.setSpellCheckerEnabled(false);
}
