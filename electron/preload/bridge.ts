// Runs in: the preload (Electron's isolated world) AND the browser harness shim. No `electron`, no
// Node: both wrap it around their own transport, so the browser tests exercise the same refusals.
import { contract, events, isChannel, isEventName, type Channel, type EventName, type MentorDeskBridge } from '../../shared/contract';
import { fieldIssues, type Result } from '../../shared/errors';

/** The IPC channel main pushes backend events on: `send(EVENT_CHANNEL, name, payload)`. */
export const EVENT_CHANNEL = 'mentorDesk:event';

export interface BridgeTransport {
  /** Delivers an already checked request to the backend and resolves with its Result. */
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  /** Starts delivering pushed events (called once, on the first subscription). */
  listen(deliver: (name: unknown, payload: unknown) => void): void;
}

const unknownChannel: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'That action is not part of Mentor Desk.' },
};

/**
 * What the renderer sees as `window.mentorDesk`: a channel is invoked only if the contract names it
 * and the request passes that channel's schema (main parses it again: it trusts nothing). Pushed
 * events reach listeners only if the contract names them and their payload parses.
 */
export function createBridge(transport: BridgeTransport): MentorDeskBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let listening = false;

  const deliver = (name: unknown, payload: unknown): void => {
    if (!isEventName(name)) return;
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(parsed.data);
      } catch {
        // One failing listener must not stop the others (e.g. the lock screen) from hearing the event.
      }
    }
  };

  return Object.freeze({
    async invoke(channel: string, request: unknown): Promise<unknown> {
      if (!isChannel(channel)) return unknownChannel;
      const parsed = contract[channel].req.safeParse(request);
      if (!parsed.success) {
        const issues = fieldIssues(parsed.error);
        const invalid: Result<never> = {
          ok: false,
          error: { code: 'INVALID_INPUT', message: `Some details need correcting: ${issues.map((i) => i.message).join('; ')}`, issues },
        };
        return invalid;
      }
      // The request as given, not zod's output: main applies defaults and transforms itself.
      return transport.invoke(channel, request);
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!isEventName(event)) throw new TypeError(`"${String(event)}" is not a Mentor Desk event.`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      if (!listening) {
        transport.listen(deliver);
        listening = true;
      }
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  });
}
