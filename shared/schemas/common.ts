import { z } from 'zod';

/** Record ids are random, URL-safe and never derived from personal data. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid record id');
export type Id = z.infer<typeof Id>;

/** Milliseconds since the epoch, as the backend's clock gave it. */
export const Timestamp = z.number().int().nonnegative();

/** Trimmed text with a length cap, so nothing unbounded crosses IPC. */
export const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters`);
export const requiredText = (max: number, label: string) =>
  z.string().trim().min(1, `${label} is required`).max(max, `Keep this under ${max} characters`);

export const Empty = z.strictObject({});
