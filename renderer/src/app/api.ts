import { z } from 'zod';
import {
  contract,
  events,
  type Channel,
  type EventName,
  type EventPayload,
  type MentorDeskBridge,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/contract';
import { AppError, fieldIssues, type ErrorCode, type FieldIssue } from '../../../shared/errors';

/**
 * Codes the renderer can meet: the backend's own, plus BAD_RESPONSE for an answer that does not
 * match the contract (treated as a fault, never shown as data).
 */
export type ApiErrorCode = ErrorCode | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly retryAt: number | undefined;
  readonly issues: FieldIssue[];
  readonly channel: string;
  constructor(channel: string, code: ApiErrorCode, message: string, extra: { retryAt?: number; issues?: FieldIssue[] } = {}) {
    super(message);
    this.name = 'ApiError';
    this.channel = channel;
    this.code = code;
    this.retryAt = extra.retryAt;
    this.issues = extra.issues ?? [];
  }
}

// The envelope is checked before its contents: whatever comes over the bridge is unknown until parsed.
const Envelope = z.union([
  z.strictObject({ ok: z.literal(true), data: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: AppError }),
]);

const BAD_RESPONSE_MESSAGE =
  'Mentor Desk received an answer it did not expect, so it was not used. Nothing was shown or changed; please try again, and restart the app if it keeps happening.';

export interface Api {
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Every failed call is reported here too, so the app can react to LOCKED or VAULT_DAMAGED wherever they happen. */
  onFailure(listener: (error: ApiError) => void): () => void;
}

export function createApi(bridge: MentorDeskBridge): Api {
  const failureListeners = new Set<(error: ApiError) => void>();

  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const { req, res } = contract[channel];
    // Checked here as well as in main, so a form learns which field is wrong without a round trip.
    const parsedRequest = req.safeParse(request);
    if (!parsedRequest.success) {
      const issues = fieldIssues(parsedRequest.error);
      throw new ApiError(channel, 'INVALID_INPUT', `Some details need correcting: ${issues.map((i) => i.message).join('; ')}`, { issues });
    }

    let raw: unknown;
    try {
      raw = await bridge.invoke(channel, parsedRequest.data);
    } catch {
      throw new ApiError(channel, 'INTERNAL', 'Mentor Desk could not reach its own background process. Please try again, and restart the app if it keeps happening.');
    }

    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) throw new ApiError(channel, 'BAD_RESPONSE', BAD_RESPONSE_MESSAGE);
    if (!envelope.data.ok) {
      const { code, message, retryAt, issues } = envelope.data.error;
      const error = new ApiError(channel, code, message, { ...(retryAt !== undefined ? { retryAt } : {}), ...(issues ? { issues } : {}) });
      failureListeners.forEach((listener) => listener(error));
      throw error;
    }

    const data = res.safeParse(envelope.data.data);
    if (!data.success) throw new ApiError(channel, 'BAD_RESPONSE', BAD_RESPONSE_MESSAGE);
    return data.data as ResponseOf<C>;
  }

  function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    const schema = events[name];
    return bridge.on(name, (payload) => {
      const parsed = schema.safeParse(payload);
      // A malformed event is ignored; the next call would fail with LOCKED anyway if the vault did lock.
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    });
  }

  function onFailure(listener: (error: ApiError) => void): () => void {
    failureListeners.add(listener);
    return () => failureListeners.delete(listener);
  }

  return { call, onEvent, onFailure };
}
