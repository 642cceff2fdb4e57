import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  devServerOrigin,
  isAppUrl,
  isTrustedRendererUrl,
  mayGrantPermission,
  mayLoad,
  mayOpenExternally,
  mayUseOsKeychain,
  resolveAppPath,
  resolveUnderRoot,
} from '../../../electron/main/security-rules';

const root = path.resolve('/srv/mentor-desk/out/renderer');

describe('isAppUrl: only the app itself counts as the app', () => {
  it.each([
    'app://mentor-desk/',
    'app://mentor-desk',
    'app://mentor-desk/index.html',
    'app://mentor-desk/assets/index-abc123.js',
    'app://mentor-desk/students/abc?tab=ilp#notes',
    'app://mentor-desk/fonts/Inter%20Regular.woff2',
  ])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    ['a look-alike host', 'app://mentor-desk.evil.com/'],
    ['a look-alike host without a dot', 'app://mentor-desk-evil/'],
    ['another host', 'app://evil/'],
    ['userinfo in front of the real host', 'app://user@mentor-desk/'],
    ['the real host used as userinfo', 'app://mentor-desk@evil.com/'],
    ['userinfo with a password', 'app://mentor-desk:x@evil/'],
    ['a port', 'app://mentor-desk:8080/'],
    ['upper case host', 'app://MENTOR-DESK/'],
    ['no authority', 'app:mentor-desk/index.html'],
    ['an empty host', 'app:///mentor-desk/'],
    ['leading whitespace', ' app://mentor-desk/'],
    ['an embedded tab', 'app://mentor-\tdesk/'],
    ['a newline', 'app://mentor-desk/\n'],
    ['backslash traversal', 'app://mentor-desk\\..\\etc/passwd'],
    ['backslash path', 'app://mentor-desk/..\\..\\secret'],
    ['encoded dot-dot', 'app://mentor-desk/assets/%2e%2e/%2e%2e/etc/passwd'],
    ['encoded slash traversal', 'app://mentor-desk/a%2f..%2f..%2fb'],
    ['encoded backslash traversal', 'app://mentor-desk/..%5c..%5cwindows'],
    ['a null byte', 'app://mentor-desk/index.html%00.png'],
    ['a drive letter', 'app://mentor-desk/C:%5cWindows'],
    ['a malformed escape', 'app://mentor-desk/%E0%A4%A'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http:', 'http://mentor-desk/'],
    ['https:', 'https://mentor-desk/'],
    ['another scheme with our host', 'apps://mentor-desk/'],
    ['an empty string', ''],
    ['a very long url', `app://mentor-desk/${'a'.repeat(5000)}`],
  ])('refuses %s', (_why, url) => expect(isAppUrl(url)).toBe(false));

  it.each([null, undefined, 42, {}, ['app://mentor-desk/'], new URL('app://mentor-desk/')])('refuses a non-string (%s)', (value) =>
    expect(isAppUrl(value)).toBe(false),
  );
});

describe('resolveAppPath: app:// never reaches outside the renderer folder', () => {
  it('maps the root to index.html and files to files under the root', () => {
    expect(resolveAppPath(root, 'app://mentor-desk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://mentor-desk/assets/app.js?v=1')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://mentor-desk/fonts/Inter%20Regular.woff2')).toBe(path.join(root, 'fonts', 'Inter Regular.woff2'));
  });

  it.each([
    'app://mentor-desk/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://mentor-desk/..%2f..%2f..%2fetc%2fpasswd',
    'app://mentor-desk/%2E%2E%5C%2E%2E%5Csecret',
    'app://mentor-desk/..%255c..%255csecret/%2e%2e',
    'app://mentor-desk/index.html%00',
    'app://mentor-desk/%2fetc%2fpasswd',
    'app://mentor-desk/C%3A%5CWindows%5Cwin.ini',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => expect(resolveAppPath(root, url)).toBeNull());

  it('refuses plain dot segments too, even though the URL parser would collapse them', () => {
    expect(resolveAppPath(root, 'app://mentor-desk/assets/../../../../etc/passwd')).toBeNull();
    expect(isAppUrl('app://mentor-desk/./index.html')).toBe(false);
  });
});

describe('resolveUnderRoot (also used by the browser harness)', () => {
  it.each(['/../secret', '/a/../../secret', '/%2e%2e/secret', '/a\\..\\..\\b', '/a%00b', 'relative', '/C:/x', '/%C0%AE%C0%AE/x'])(
    'refuses %s',
    (pathname) => expect(resolveUnderRoot(root, pathname)).toBeNull(),
  );
  it('ignores repeated slashes instead of treating them as absolute paths', () => {
    expect(resolveUnderRoot(root, '//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });
});

describe('mayOpenExternally: only https and mailto leave the app', () => {
  it.each(['https://www.gov.uk/disabled-students-allowance-dsa', 'https://example.org:8443/a?b=c#d', 'mailto:office@example.org', 'mailto:office@example.org?subject=Timesheet'])(
    'allows %s',
    (url) => expect(mayOpenExternally(url)).toBe(true),
  );
  it.each([
    'http://example.org/',
    'https://user:pass@example.org/',
    'https://user@example.org/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'data:text/html,hi',
    'vbscript:msgbox',
    'ms-msdt:/id PCWDiagnostic',
    'app://mentor-desk/',
    'mailto:',
    'mailto:?subject=no-address',
    'mailto:../../etc/passwd',
    ' https://example.org/',
    'https://example.org/\\..\\',
    'https://exa\tmple.org/',
    'HTTPS://',
    '',
  ])('refuses %s', (url) => expect(mayOpenExternally(url)).toBe(false));
  it.each([null, undefined, 1, { href: 'https://example.org' }])('refuses non-strings', (value) => expect(mayOpenExternally(value)).toBe(false));
});

describe('dev server and network rules', () => {
  it('accepts only a local dev server', () => {
    expect(devServerOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://evil.com:5173/')).toBeNull();
    expect(devServerOrigin('file:///tmp')).toBeNull();
    expect(devServerOrigin(undefined)).toBeNull();
  });

  it('trusts the dev origin only when one is given', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', null)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('http://a@localhost:5173/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('app://mentor-desk/', null)).toBe(true);
  });

  it('loads nothing from the network in production', () => {
    expect(mayLoad('app://mentor-desk/assets/x.js', null)).toBe(true);
    expect(mayLoad('data:image/png;base64,AAAA', null)).toBe(true);
    expect(mayLoad('blob:app://mentor-desk/0b0c', null)).toBe(true);
    expect(mayLoad('devtools://devtools/bundled/devtools_app.html', null)).toBe(true);
    expect(mayLoad('https://fonts.googleapis.com/css', null)).toBe(false);
    expect(mayLoad('http://localhost:5173/', null)).toBe(false);
    expect(mayLoad('ws://localhost:5173/', null)).toBe(false);
    expect(mayLoad('blob:https://evil.com/x', null)).toBe(false);
    expect(mayLoad('file:///etc/passwd', null)).toBe(false);
  });

  it('lets the dev server and its hot-reload socket through while developing', () => {
    const dev = 'http://localhost:5173';
    expect(mayLoad('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(mayLoad('ws://localhost:5173/', dev)).toBe(true);
    expect(mayLoad('http://localhost:5174/', dev)).toBe(false);
    expect(mayLoad('https://example.org/', dev)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  it('runs only the app’s own scripts and never eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });
  it('talks to nothing but the app and embeds nothing', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

describe('quick unlock keychain', () => {
  it('is used only where a real keychain backs safeStorage', () => {
    expect(mayUseOsKeychain({ platform: 'darwin', encryptionAvailable: true })).toBe(true);
    expect(mayUseOsKeychain({ platform: 'win32', encryptionAvailable: true })).toBe(true);
    expect(mayUseOsKeychain({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'gnome_libsecret' })).toBe(true);
    expect(mayUseOsKeychain({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'kwallet6' })).toBe(true);
    expect(mayUseOsKeychain({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' })).toBe(false);
    expect(mayUseOsKeychain({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'unknown' })).toBe(false);
    expect(mayUseOsKeychain({ platform: 'linux', encryptionAvailable: true })).toBe(false);
    expect(mayUseOsKeychain({ platform: 'darwin', encryptionAvailable: false })).toBe(false);
  });
});

describe('permissions', () => {
  it('lets only the app page write text to the clipboard', () => {
    expect(mayGrantPermission('clipboard-sanitized-write', 'app://mentor-desk/', null)).toBe(true);
    expect(mayGrantPermission('clipboard-sanitized-write', 'https://evil.example/', null)).toBe(false);
    expect(mayGrantPermission('clipboard-sanitized-write', 'http://localhost:5173/', null)).toBe(false);
  });
  it.each(['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb', 'display-capture', 'unknown'])(
    'never grants %s, even to the app',
    (permission) => expect(mayGrantPermission(permission, 'app://mentor-desk/', null)).toBe(false),
  );
});
