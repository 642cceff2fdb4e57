// Runs in: Electron main. Imports only types from `electron`, so vitest can load it without Electron.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { channels, type Channel } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Backend } from './backend/index';

export type ChannelHandler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>>;
export type Register = (channel: Channel, handler: ChannelHandler) => void;
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Mentor Desk window, so it was refused.' },
};

/**
 * One handler per contract channel. Each refuses callers other than the app's own top-level page,
 * then hands the still-`unknown` input to the backend, which parses it with the channel's schema
 * and returns a Result (Electron would reduce a thrown error to its message).
 */
export function registerChannels(register: Register, backend: Pick<Backend, 'call'>, isTrustedSender: SenderCheck): void {
  for (const channel of channels) {
    register(channel, async (event, input) => {
      if (!isTrustedSender(event)) return forbidden;
      try {
        return await backend.call(channel, input);
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Mentor Desk. Your saved records are safe; please try again.' } };
      }
    });
  }
}

/**
 * The sender must be the main frame of the main window (not an iframe, not another window), and
 * that frame must be showing the app itself.
 */
export function senderIsMainWindow(getContents: () => WebContents | null, isTrustedUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const contents = getContents();
    if (!contents || contents.isDestroyed() || event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    const main = contents.mainFrame;
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return isTrustedUrl(frame.url);
  };
}
