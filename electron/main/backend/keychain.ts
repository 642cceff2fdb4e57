/**
 * The OS keychain, as the backend sees it. The Electron shell provides one backed by
 * `safeStorage` only where a real keychain backs it (never Linux's `basic_text`); elsewhere
 * (the browser harness, tests) there is none and quick unlock is simply unavailable.
 */
export interface Keychain {
  encrypt(plain: Uint8Array): Uint8Array;
  decrypt(sealed: Uint8Array): Uint8Array;
}
