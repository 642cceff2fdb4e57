// Runs in: Electron main AND the Node test harness. Pure: no `electron`, no I/O.
// Every security decision the shell makes is one of these small functions, tested with hostile
// inputs in tests/unit/shell/security-rules.test.ts.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mentor-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the window starts. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

const MAX_URL_LENGTH = 4096;
// Control characters, whitespace and backslashes never appear in a canonical URL Chromium hands us;
// they only appear in tricks (`app://mentor-desk\..\`, `java\tscript:`), so refuse them outright.
const FORBIDDEN_URL_CHARS = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029\ufeff]/;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  if (FORBIDDEN_URL_CHARS.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Splits a URL path (still percent-encoded) into decoded segments, or null if any segment could
 * climb out of the folder it is resolved against: `..`/`.` (plain or encoded), encoded slashes or
 * backslashes, NUL, a drive letter or anything else with a colon.
 */
export function safePathSegments(pathname: string): string[] | null {
  if (!pathname.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed escapes such as %E0%A4%A
    }
    if (segment === '') continue; // `//` or a trailing slash
    if (segment === '.' || segment === '..') return null;
    if (/[/\\:\u0000-\u001f\u007f]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** Is this a page or file of the app itself (`app://mentor-desk/…`) and nothing that merely looks like it? */
export function isAppUrl(url: unknown): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  const raw = url as string;
  // Compare against the raw text as well as the parsed URL, so userinfo (`app://mentor-desk@evil/`),
  // ports, upper-case or look-alike hosts cannot slip through a lenient parser.
  if (raw !== APP_ORIGIN && !raw.startsWith(`${APP_ORIGIN}/`)) return false;
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  // Check the path as written too: the parser quietly resolves `..` and `%2e%2e`, and a URL that
  // tries to climb is hostile even when it would land inside the folder.
  const rawPath = raw.slice(APP_ORIGIN.length).split(/[?#]/)[0] || '/';
  return safePathSegments(rawPath) !== null && safePathSegments(parsed.pathname || '/') !== null;
}

/** The dev server origin (`http://localhost:5173`) from ELECTRON_RENDERER_URL, or null. */
export function devServerOrigin(devUrl: string | undefined | null): string | null {
  const parsed = parse(devUrl);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return null;
  return parsed.origin;
}

/** Is this URL the app's own renderer: app:// in production, or the local dev server while developing? */
export function isTrustedRendererUrl(url: unknown, devOrigin: string | null): boolean {
  if (isAppUrl(url)) return true;
  if (devOrigin === null) return false;
  const parsed = parse(url);
  return parsed !== null && parsed.username === '' && parsed.password === '' && parsed.origin === devOrigin;
}

/**
 * May the renderer's session fetch this URL at all? The app never loads remote content: only its
 * own files, in-memory data (data:, blob:), DevTools and, in development, the dev server and its
 * hot-reload socket.
 */
export function mayLoad(url: unknown, devOrigin: string | null): boolean {
  if (isAppUrl(url)) return true;
  if (typeof url !== 'string') return false;
  if (url.startsWith('data:') || url.startsWith('blob:app://mentor-desk/')) return true;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'devtools:') return true;
  if (devOrigin === null) return false;
  if (url.startsWith(`blob:${devOrigin}/`)) return true;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const dev = new URL(devOrigin);
  const sameHost = parsed.host === dev.host;
  return sameHost && (parsed.protocol === dev.protocol || parsed.protocol === 'ws:' || parsed.protocol === 'wss:');
}

/**
 * Which browser permissions the app's own page may have. Only writing plain text to the clipboard
 * (the recovery key's Copy button), and only for the app itself. Never reading the clipboard, the
 * camera, microphone, location, notifications, or anything else.
 */
export function mayGrantPermission(permission: string, requestingUrl: unknown, devOrigin: string | null): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedRendererUrl(requestingUrl, devOrigin);
}

/**
 * May this link leave the app for the user's browser or mail program? Only https: and mailto:,
 * never with credentials in them, so a crafted record cannot launch `file:`, `smb:` or custom
 * protocol handlers.
 */
export function mayOpenExternally(url: unknown): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'https:') {
    return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  }
  if (parsed.protocol === 'mailto:') {
    // mailto:someone@example.org?subject=… — the address part must be an address, not a path trick.
    const address = decodeSafely(parsed.pathname);
    return address !== null && /^[^\s/\\@:]+@[^\s/\\@:]+$/.test(address.split(',')[0] ?? '');
  }
  return false;
}

function decodeSafely(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Maps a request path onto a file under `root`, or null. Used for app:// in Electron and for the
 * harness's static files, so both refuse the same traversal tricks.
 */
export function resolveUnderRoot(root: string, pathname: string): string | null {
  const segments = safePathSegments(pathname);
  if (segments === null) return null;
  const base = path.resolve(root);
  const file = segments.length === 0 ? path.join(base, 'index.html') : path.join(base, ...segments);
  const rel = path.relative(base, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

/** The file under `root` that an app:// URL names, or null for anything that is not ours or escapes `root`. */
export function resolveAppPath(root: string, url: unknown): string | null {
  if (!isAppUrl(url)) return null;
  return resolveUnderRoot(root, new URL(url as string).pathname || '/');
}

/** Paths without an extension are client-side routes: they get index.html, not a 404. */
export function isRoutePath(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? '';
  return !last.includes('.');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The Content-Security-Policy sent with every app:// response (and by the harness). It matches the
 * meta tag in renderer/index.html. Styles allow 'unsafe-inline' because Mantine sets CSS variables
 * through style attributes; scripts never do. Nothing may be fetched from anywhere but the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers every app:// response (and every harness file) carries. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * Quick unlock keeps a copy of the data key in the OS keychain. Only where a real keychain backs
 * Electron's safeStorage: on Linux without a secret service safeStorage falls back to
 * `basic_text` (a hard-coded key), which would leave the data key effectively in plaintext.
 */
export function mayUseOsKeychain(options: { platform: string; encryptionAvailable: boolean; linuxBackend?: string | undefined }): boolean {
  if (!options.encryptionAvailable) return false;
  if (options.platform === 'linux') {
    return options.linuxBackend !== undefined && options.linuxBackend !== 'basic_text' && options.linuxBackend !== 'unknown';
  }
  return true;
}
