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

/** A calendar date as `YYYY-MM-DD`, checked to be a real date (no 31 February). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-11-23')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'That date does not exist');
export type IsoDate = z.infer<typeof IsoDate>;

/** A time of day as `HH:MM` (24-hour). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 14:30');
