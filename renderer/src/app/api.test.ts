import { describe, expect, it, vi } from 'vitest';
import type { MentorDeskBridge } from '../../../shared/contract';
import { ApiError, createApi } from './api';

const goodStatus = {
  state: 'locked',
  quickUnlock: { available: false, enabled: false },
  retryAt: null,
  autoLockMinutes: 10,
  damage: null,
  lastLockReason: 'idle',
};

function fakeBridge(answer: unknown) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const bridge = {
    invoke: vi.fn(async (_channel: string, _request: unknown) => answer),
    on: vi.fn((event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    }),
  } satisfies MentorDeskBridge;
  return { bridge, emit: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('the renderer API client', () => {
  it('returns data that matches the channel’s response schema', async () => {
    const { bridge } = fakeBridge({ ok: true, data: goodStatus });
    const status = await createApi(bridge).call('vault:status', {});
    expect(status.state).toBe('locked');
    expect(bridge.invoke).toHaveBeenCalledWith('vault:status', {});
  });

  it('rejects a response whose shape does not match the contract', async () => {
    const { bridge } = fakeBridge({ ok: true, data: { ...goodStatus, state: 'open-to-all' } });
    const error = await failureOf(createApi(bridge).call('vault:status', {}));
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('rejects an answer that is not a result at all', async () => {
    const { bridge } = fakeBridge('hello');
    expect((await failureOf(createApi(bridge).call('vault:status', {}))).code).toBe('BAD_RESPONSE');
  });

  it('turns an error result into an ApiError with code, message and retry time', async () => {
    const { bridge } = fakeBridge({ ok: false, error: { code: 'RATE_LIMITED', message: 'Wait a moment', retryAt: 1234 } });
    const error = await failureOf(createApi(bridge).call('vault:unlock', { passphrase: 'whatever it is' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', message: 'Wait a moment', retryAt: 1234, channel: 'vault:unlock' });
  });

  it('keeps field issues so a form can show them next to the field', async () => {
    const issues = [{ path: 'email', message: 'Enter a valid email address' }];
    const { bridge } = fakeBridge({ ok: false, error: { code: 'INVALID_INPUT', message: 'Check the form', issues } });
    const draft = { fullName: 'Ada Lovelace', preferredName: '', studentNumber: '', email: '' };
    expect((await failureOf(createApi(bridge).call('students:create', draft))).issues).toEqual(issues);
  });

  it('refuses a bad request before it is sent', async () => {
    const { bridge } = fakeBridge({ ok: true, data: null });
    const draft = { fullName: '   ', preferredName: '', studentNumber: '', email: 'not-an-email' };
    const error = await failureOf(createApi(bridge).call('students:create', draft));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues.map((i) => i.path).sort()).toEqual(['email', 'fullName']);
    expect(bridge.invoke).not.toHaveBeenCalled();
  });

  it('tells failure listeners when a call fails because the vault is locked', async () => {
    const { bridge } = fakeBridge({ ok: false, error: { code: 'LOCKED', message: 'Locked' } });
    const api = createApi(bridge);
    const failed = vi.fn();
    api.onFailure(failed);
    await failureOf(api.call('students:list', {}));
    expect(failed).toHaveBeenCalledOnce();
    expect(failed.mock.calls[0]?.[0]).toMatchObject({ code: 'LOCKED', channel: 'students:list' });
  });

  it('passes on valid events and drops malformed ones', () => {
    const { bridge, emit } = fakeBridge(null);
    const listener = vi.fn();
    createApi(bridge).onEvent('vault:locked', listener);
    emit('vault:locked', { reason: 'idle' });
    emit('vault:locked', { reason: 'bored' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ reason: 'idle' });
  });

  it('reports a bridge that throws as an internal failure, not a crash', async () => {
    const bridge: MentorDeskBridge = { invoke: () => Promise.reject(new Error('gone')), on: () => () => undefined };
    expect((await failureOf(createApi(bridge).call('vault:status', {}))).code).toBe('INTERNAL');
  });
});
