import { contract, isChannel, type Channel, type ParsedRequestOf, type ResponseOf } from '../../../shared/contract';
import { AppFailure, fieldIssues, type Result } from '../../../shared/errors';

/** One function per channel; each receives its request already parsed by the channel's schema. */
export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

export interface DispatchLog {
  /** Called with the channel and error code only: requests may hold personal data and are never logged. */
  (event: { channel: string; code: string; detail?: string }): void;
}

/**
 * The one path every call takes, from Electron IPC and from the browser harness alike:
 * unknown channel → refused; input parsed with the channel's zod schema (bad input → INVALID_INPUT,
 * no handler runs, nothing is written); handler failures become `{ ok: false, error }`.
 */
export async function dispatch(handlers: Handlers, channel: unknown, input: unknown, log?: DispatchLog): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'That action is not part of Mentor Desk.' } };
  }
  const parsed = contract[channel].req.safeParse(input);
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    log?.({ channel, code: 'INVALID_INPUT' });
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `Some details need correcting: ${issues.map((i) => i.message).join('; ')}`, issues },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const data = await handler(parsed.data);
    return { ok: true, data };
  } catch (err) {
    if (err instanceof AppFailure) {
      log?.({ channel, code: err.code });
      return { ok: false, error: err.toError() };
    }
    // Unexpected: keep the detail out of the renderer (it may name files or data) but log its kind.
    log?.({ channel, code: 'INTERNAL', detail: err instanceof Error ? `${err.name}: ${err.message}` : 'non-error thrown' });
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Mentor Desk. Your saved records are safe; please try again.' } };
  }
}
