import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** UK style, as mentors and their offices write dates: 23/11/2026 14:05. */
export const formatDateTime = (ms: number): string => dayjs(ms).format('DD/MM/YYYY HH:mm');
/** With seconds, for telling apart things made within the same minute (backup copies). */
export const formatDateTimeSeconds = (ms: number): string => dayjs(ms).format('DD/MM/YYYY HH:mm:ss');
export const formatDate = (ms: number): string => dayjs(ms).format('DD/MM/YYYY');
/** A stored calendar date (2026-11-23) as the mentor writes it (23/11/2026); '' stays ''. */
export const formatIsoDate = (iso: string): string => (iso ? dayjs(iso, 'YYYY-MM-DD', true).format('DD/MM/YYYY') : '');
/** Today (in the computer's time zone) as a stored calendar date. */
export const todayIso = (): string => dayjs().format('YYYY-MM-DD');

const UK_DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD/MM/YY', 'D/M/YY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'YYYY-MM-DD'];
/** Reads a typed date the way a UK mentor types it (23/11/2026, 3/4/26, 2026-11-23); null when it is not a real date. */
export function parseUkDate(typed: string): string | null {
  const parsed = dayjs(typed.trim(), UK_DATE_FORMATS, true);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : null;
}

/** "2 days 3 h", "30 h", "5 h 20 min", "45 min": how long, for overdue and time-left labels (hours up to two days). */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const days = minutes >= 2 * 1440 ? Math.floor(minutes / 1440) : 0;
  const hours = Math.floor((minutes - days * 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${hours} h` : plural(days, 'day');
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
