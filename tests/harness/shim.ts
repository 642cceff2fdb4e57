// Runs in: the browser, in front of the built renderer served by tests/harness/server.ts. Test-only:
// never bundled into the app. It provides `window.mentorDesk` as the preload does, from the same
// createBridge(), so unknown channels, bad requests and unknown events are refused exactly as in the
// app; only the transport differs (fetch and Server-Sent Events instead of Electron IPC).
import '../../electron/preload/jitless';
import { createBridge } from '../../electron/preload/bridge';

const TOKEN_KEY = 'mentorDesk.harnessToken';

/** The token arrives in the URL fragment (never sent to the server in a request line); a reload keeps it. */
function readToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]{64})(?:&|$)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = readToken();
let deliver: ((name: unknown, payload: unknown) => void) | null = null;

// Opened at once rather than on the first subscription, so a test can wait until events flow
// (documentElement.dataset.harnessEvents === 'open') before moving the clock.
const stream = new EventSource(`/__api/events?token=${encodeURIComponent(token)}`);
stream.onopen = () => {
  document.documentElement.dataset.harnessEvents = 'open';
};
stream.onmessage = (message: MessageEvent<string>) => {
  try {
    const { name, payload } = JSON.parse(message.data) as { name: unknown; payload: unknown };
    deliver?.(name, payload);
  } catch {
    // A malformed frame is dropped, as the preload drops an event that fails its schema.
  }
};

const bridge = createBridge({
  async invoke(channel, request) {
    const response = await fetch('/__api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Harness-Token': token },
      body: JSON.stringify({ channel, request }),
    });
    if (response.status === 403) return { ok: false, error: { code: 'FORBIDDEN', message: 'The harness refused this page (wrong or missing token).' } };
    if (!response.ok) return { ok: false, error: { code: 'INTERNAL', message: `The harness answered ${response.status}.` } };
    return response.json() as Promise<unknown>;
  },
  listen(fn) {
    deliver = fn;
  },
});

// Like contextBridge.exposeInMainWorld: a read-only property the page cannot replace.
Object.defineProperty(window, 'mentorDesk', { value: bridge, writable: false, configurable: false, enumerable: true });
