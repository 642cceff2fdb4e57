import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channels, contract } from '../../../shared/contract';
import { registerChannels, senderIsMainWindow, type ChannelHandler } from '../../../electron/main/ipc';
import { isTrustedRendererUrl } from '../../../electron/main/security-rules';

function collect(isTrusted = true) {
  const handlers = new Map<string, ChannelHandler>();
  const backend = { call: vi.fn(async (channel: unknown, input: unknown) => ({ ok: true as const, data: { channel, input } })) };
  registerChannels(
    (channel, handler) => {
      expect(handlers.has(channel), `${channel} registered twice`).toBe(false);
      handlers.set(channel, handler);
    },
    backend,
    () => isTrusted,
  );
  return { handlers, backend };
}

const anyEvent = {} as IpcMainInvokeEvent;

describe('every channel in the contract has an IPC handler', () => {
  it('registers exactly the contract’s channels', () => {
    const { handlers } = collect();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
    expect(handlers.size).toBe(channels.length);
  });

  it('passes the raw input to the backend, which parses it', async () => {
    const { handlers, backend } = collect();
    const input = { passphrase: 'correct horse battery staple' };
    const result = await handlers.get('vault:unlock')!(anyEvent, input);
    expect(backend.call).toHaveBeenCalledWith('vault:unlock', input);
    expect(result).toEqual({ ok: true, data: { channel: 'vault:unlock', input } });
  });

  it('refuses a sender that is not the app window, without reaching the backend', async () => {
    const { handlers, backend } = collect(false);
    for (const [, handler] of handlers) {
      const result = await handler(anyEvent, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(backend.call).not.toHaveBeenCalled();
  });

  it('turns an unexpected backend exception into a Result instead of a rejected invoke', async () => {
    const handlers = new Map<string, ChannelHandler>();
    registerChannels((c, h) => handlers.set(c, h), { call: async () => Promise.reject(new Error('/home/someone/secret path')) }, () => true);
    const result = await handlers.get('students:list')!(anyEvent, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret path');
  });
});

describe('the sender check', () => {
  const mainFrame = { processId: 4, routingId: 1, parent: null, url: 'app://mentor-desk/' };
  const contents = { isDestroyed: () => false, mainFrame } as unknown as WebContents;
  const check = senderIsMainWindow(() => contents, (url) => isTrustedRendererUrl(url, null));
  const event = (frame: object | null, sender: unknown = contents) => ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent;

  it('accepts the main frame of the main window showing the app', () => {
    expect(check(event({ ...mainFrame }))).toBe(true);
  });
  it('refuses an iframe, even one on the app origin', () => {
    expect(check(event({ ...mainFrame, routingId: 7, parent: mainFrame }))).toBe(false);
  });
  it('refuses another window', () => {
    expect(check(event({ ...mainFrame }, { other: true }))).toBe(false);
  });
  it('refuses the main frame once it shows anything but the app', () => {
    expect(check(event({ ...mainFrame, url: 'https://evil.example/' }))).toBe(false);
    expect(check(event({ ...mainFrame, url: 'app://mentor-desk.evil.com/' }))).toBe(false);
  });
  it('refuses a frame that is gone', () => {
    expect(check(event(null))).toBe(false);
  });
  it('refuses everything when there is no window', () => {
    expect(senderIsMainWindow(() => null, () => true)(event({ ...mainFrame }))).toBe(false);
  });
});
