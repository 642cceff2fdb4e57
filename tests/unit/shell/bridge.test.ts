import { describe, expect, it, vi } from 'vitest';
import { createBridge, type BridgeTransport } from '../../../electron/preload/bridge';

function setup() {
  let deliver: ((name: unknown, payload: unknown) => void) | null = null;
  const transport = {
    invoke: vi.fn(async () => ({ ok: true, data: 'sent' })),
    listen: vi.fn((fn: (name: unknown, payload: unknown) => void) => {
      deliver = fn;
    }),
  } satisfies BridgeTransport;
  const bridge = createBridge(transport);
  return { bridge, transport, push: (name: unknown, payload: unknown) => deliver?.(name, payload) };
}

describe('window.mentorDesk (preload and harness shim alike)', () => {
  it('refuses a channel the contract does not name, without sending anything', async () => {
    const { bridge, transport } = setup();
    for (const channel of ['fs:readFile', 'constructor', '__proto__', 'toString', '', 42, null]) {
      await expect(bridge.invoke(channel as string, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('refuses a request that fails the channel’s schema, naming the fields', async () => {
    const { bridge, transport } = setup();
    const result = await bridge.invoke('vault:unlock', { passphrase: 'x', extra: 'not allowed' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expect(bridge.invoke('students:get', { id: '../../etc' })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('sends a valid request as given', async () => {
    const { bridge, transport } = setup();
    await expect(bridge.invoke('vault:status', {})).resolves.toEqual({ ok: true, data: 'sent' });
    expect(transport.invoke).toHaveBeenCalledWith('vault:status', {});
  });

  it('delivers only contract events with valid payloads, and unsubscribes', () => {
    const { bridge, transport, push } = setup();
    const heard = vi.fn();
    const off = bridge.on('vault:locked', heard);
    expect(transport.listen).toHaveBeenCalledTimes(1);
    push('vault:locked', { reason: 'idle' });
    push('vault:locked', { reason: 'because' });
    push('students:deleted', { id: 'x' });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith({ reason: 'idle' });
    off();
    push('vault:locked', { reason: 'manual' });
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('a throwing listener does not silence the others', () => {
    const { bridge, push } = setup();
    const second = vi.fn();
    bridge.on('vault:locked', () => {
      throw new Error('boom');
    });
    bridge.on('vault:locked', second);
    push('vault:locked', { reason: 'suspend' });
    expect(second).toHaveBeenCalled();
  });

  it('refuses to subscribe to an event the contract does not name', () => {
    const { bridge } = setup();
    expect(() => bridge.on('ipc:anything', () => {})).toThrow(/not a Mentor Desk event/);
  });

  it('exposes only invoke and on', () => {
    const { bridge } = setup();
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
