import { z } from 'zod';

/** Every failure a channel can report. The UI decides what to show from the code, never from the text. */
export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'WEAK_PASSPHRASE',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'RATE_LIMITED',
  'LOCKED',
  'VAULT_EXISTS',
  'NO_VAULT',
  'VAULT_DAMAGED',
  'QUICK_UNLOCK_UNAVAILABLE',
  'NOT_FOUND',
  'CONFIRMATION_MISMATCH',
  'FORBIDDEN',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.strictObject({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const AppError = z.strictObject({
  code: ErrorCode,
  message: z.string(),
  /** For RATE_LIMITED: when (ms since epoch) the next attempt will be accepted. */
  retryAt: z.number().optional(),
  /** For INVALID_INPUT: which fields were wrong, so a form can show them next to the field. */
  issues: z.array(FieldIssue).optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });

/** Thrown inside the backend; the IPC layer turns it into `{ ok: false, error }`. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly retryAt: number | undefined;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, extra: { retryAt?: number; issues?: FieldIssue[] } = {}) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.retryAt = extra.retryAt;
    this.issues = extra.issues;
  }
  toError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.retryAt !== undefined ? { retryAt: this.retryAt } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

/** Turns zod issues into field messages a form can show ("email: Enter a valid email address"). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
